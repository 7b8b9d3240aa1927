package dev.relive.hvr.internal.watch;

import java.util.List;

/**
 * One burst of saves as the {@link SourceWatcher} delivers it.
 *
 * @param firstEventNanos when the watcher received the burst's first file event, in {@link System#nanoTime()} terms:
 *        where a save's time is measured from (file modification times say nothing about when a file was saved when
 *        it was moved or copied with its times kept)
 * @param changeSets one per bundle project touched, sorted by project folder
 */
public record Burst(long firstEventNanos, List<ChangeSet> changeSets) {

    public Burst {
        changeSets = List.copyOf(changeSets);
    }
}
