package castad.gateway.list;

import castad.common.event.Stage;
import castad.gateway.security.Caller;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ListController {

    private final CompletedLists lists;

    ListController(CompletedLists lists) {
        this.lists = lists;
    }

    @GetMapping("/api/v1/videos")
    ListPage videos(@AuthenticationPrincipal Caller caller, @RequestParam(defaultValue = "0") @Min(0) int page,
                    @RequestParam(defaultValue = "20") @Min(1) @Max(1000) int size) {
        return lists.page(caller, Stage.VIDEO, page, size);
    }

    @GetMapping("/api/v1/songs")
    ListPage songs(@AuthenticationPrincipal Caller caller, @RequestParam(defaultValue = "0") @Min(0) int page,
                   @RequestParam(defaultValue = "20") @Min(1) @Max(1000) int size) {
        return lists.page(caller, Stage.SONG, page, size);
    }
}
