package castad.gateway.image;

import java.util.List;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface ImageRepository extends ListCrudRepository<Image, Long> {

    List<Image> findByProjectIdOrderBySortOrder(long projectId);

    @Query("SELECT COALESCE(MAX(sort_order), 0) FROM image WHERE project_id = :projectId")
    int lastOrder(long projectId);
}
