package cn.city.party.activity.activity;

import java.time.Instant;
import java.util.List;

/**
 * What happened at a sitting: when, where, who hosted, who lectured (党课), the agenda topics, the minutes, the
 * attachments' metadata (the files themselves live in the document store) and how long it lasted (study sittings
 * earn credit hours by it; null when not recorded).
 */
public record HeldRecord(Instant heldAt, String place, String host, String hostMemberId, String lecturer,
                         String lecturerMemberId, List<String> agenda, String minutes, List<AttachmentMeta> attachments,
                         Integer durationMinutes) {

    public HeldRecord {
        agenda = agenda == null ? List.of() : List.copyOf(agenda);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public HeldRecord(Instant heldAt, String place, String host, String hostMemberId, String lecturer,
                      String lecturerMemberId, List<String> agenda, String minutes, List<AttachmentMeta> attachments) {
        this(heldAt, place, host, hostMemberId, lecturer, lecturerMemberId, agenda, minutes, attachments, null);
    }

    /** Metadata of one attached file (sign-in sheet, photos, slides). */
    public record AttachmentMeta(String name, String contentType, long size, String storageKey) {
    }

    public boolean hasMinutes() {
        return minutes != null && !minutes.isBlank();
    }

    public int minutesLength() {
        return minutes == null ? 0 : minutes.strip().length();
    }
}
