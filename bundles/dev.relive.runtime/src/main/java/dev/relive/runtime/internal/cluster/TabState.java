package dev.relive.runtime.internal.cluster;

import java.util.List;

/**
 * What a member of a cluster keeps of a live tab so that another member can resume it: the tab's session id, the
 * page it shows (root view class, declared route and URL), the signed-in user's id ({@code null}: nobody), and the
 * state of each of its views, root first.
 */
public record TabState(int format, String session, String view, String route, String url, String user,
        List<ViewState> views) {

    /** The format written now; entries of another format are not resumed. */
    public static final int FORMAT = 1;

    public TabState {
        views = List.copyOf(views);
    }
}
