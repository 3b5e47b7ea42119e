package castad.gateway.lyric;

import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface LyricRepository extends ListCrudRepository<Lyric, Long> {

    Optional<Lyric> findFirstByProjectIdOrderByIdDesc(long projectId);

    @Query("SELECT COUNT(*) > 0 FROM lyric WHERE project_id = :projectId AND status IN ('pending', 'processing')")
    boolean isRunning(long projectId);
}
