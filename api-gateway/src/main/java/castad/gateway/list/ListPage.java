package castad.gateway.list;

import java.util.List;

public record ListPage(List<CompletedItem> items, int page, int size, long total) {
}
