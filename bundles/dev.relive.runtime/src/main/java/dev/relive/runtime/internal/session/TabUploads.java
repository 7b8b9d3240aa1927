package dev.relive.runtime.internal.session;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.relive.api.UploadHandler;
import dev.relive.runtime.internal.protocol.ClientFrameParser;
import dev.relive.runtime.internal.protocol.ErrorCode;
import dev.relive.runtime.internal.protocol.ServerFrames;
import dev.relive.runtime.internal.protocol.FileOffer;
import dev.relive.runtime.internal.upload.PartialFile;
import dev.relive.runtime.internal.upload.TempUploadedFile;
import dev.relive.runtime.internal.upload.UploadHandlers;
import dev.relive.runtime.internal.upload.UploadLimits;
import dev.relive.runtime.internal.upload.UploadSettings;

/**
 * The uploads of one tab: files offered and checked against their handler's limits before any byte is sent, their
 * chunks written as they arrive, and each complete file handed to the handler of the view it was offered to (its
 * current code, after a Hot View Replacement too). Partial files go when the tab closes. Touched only from the
 * session's executor.
 */
final class TabUploads {

    private record Entry(PartialFile file, String child, String name) {
    }

    private final TabSession tab;
    private final UploadSettings settings;
    private final Map<String, Entry> inProgress = new LinkedHashMap<>();

    TabUploads(TabSession tab, UploadSettings settings) {
        this.tab = tab;
        this.settings = settings;
    }

    /** Checks the offered files; answers with each one's refusal, or none when it may be sent. */
    void offer(long ref, String child, String name, List<FileOffer> files) {
        Slot slot = tab.tree().slot(child);
        Method handler = slot == null ? null : UploadHandlers.find(slot.view, name);
        if (handler == null) {
            tab.sendError(ref, ErrorCode.UNKNOWN_HANDLER, "no @UploadHandler named '" + ClientFrameParser.shorten(name)
                    + "'", null);
            return;
        }
        UploadLimits limits = UploadLimits.of(handler.getAnnotation(UploadHandler.class), settings.maxFileBytes());
        Map<String, String> refusals = new LinkedHashMap<>();
        int accepted = 0;
        for (FileOffer offer : files) {
            String refusal = limits.refusal(offer);
            if (refusal == null && accepted >= limits.maxFiles()) {
                refusal = "at most " + limits.maxFiles() + (limits.maxFiles() == 1 ? " file" : " files");
            } else if (refusal == null && inProgress.size() >= settings.maxFilesInProgress()) {
                refusal = "too many uploads in progress; try again when these are done";
            } else if (refusal == null && inProgress.containsKey(offer.id())) {
                refusal = "this file is already being uploaded";
            }
            refusals.put(offer.id(), refusal);
            if (refusal == null) {
                accepted++;
                inProgress.put(offer.id(), new Entry(new PartialFile(offer, settings.dir()), child, name));
            }
        }
        tab.send(ServerFrames.upload(ref, name, refusals, files.stream().map(FileOffer::id).toList()));
    }

    /** Writes a chunk; a complete file goes to its handler, then the view renders. */
    void chunk(long ref, String id, long offset, byte[] data) {
        Entry entry = inProgress.get(id);
        if (entry == null) {
            tab.send(ServerFrames.progress(ref, id, 0, false, "no upload in progress with this id"));
            return;
        }
        try {
            entry.file().append(offset, data);
        } catch (PartialFile.RefusedChunk e) {
            inProgress.remove(id);
            tab.send(ServerFrames.progress(ref, id, entry.file().received(), false, e.getMessage()));
            return;
        }
        if (!entry.file().complete()) {
            tab.send(ServerFrames.progress(ref, id, entry.file().received(), false, null));
            return;
        }
        inProgress.remove(id);
        String error = deliver(entry);
        tab.send(ServerFrames.progress(ref, id, entry.file().received(), error == null, error));
    }

    /** Drops a file in progress. */
    void cancel(long ref, String id) {
        Entry entry = inProgress.remove(id);
        if (entry != null) {
            entry.file().discard();
        }
        tab.send(ServerFrames.progress(ref, id, entry == null ? 0 : entry.file().received(), false, "cancelled"));
    }

    /** The connection ended: partial files are deleted. */
    void discardAll() {
        inProgress.values().forEach(e -> e.file().discard());
        inProgress.clear();
    }

    int inProgress() {
        return inProgress.size();
    }

    /** Runs the handler on the file; returns why it could not, or {@code null}. */
    private String deliver(Entry entry) {
        TempUploadedFile file = new TempUploadedFile(entry.file());
        try {
            Slot slot = tab.tree().slot(entry.child());
            Method handler = slot == null ? null : UploadHandlers.find(slot.view, entry.name());
            if (handler == null) {
                return "the view no longer takes this upload";
            }
            boolean ran = tab.runChange(() -> UploadHandlers.call(handler, slot.view, file, slot.session),
                    "upload " + entry.name());
            return ran ? null : "the server could not take this file";
        } finally {
            file.cleanUp();
        }
    }
}
