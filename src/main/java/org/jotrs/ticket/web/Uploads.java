package org.jotrs.ticket.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.jotrs.article.NewAttachment;
import org.springframework.web.multipart.MultipartFile;

/** Files from a form's file input, as article attachments. */
final class Uploads {

    private Uploads() {
    }

    /**
     * The chosen files. A file input with nothing chosen still sends one empty part without a
     * name; that is no attachment. Browsers send bare names, but some send the client's whole
     * path, of which only the last part is the file's name (as OTRS's upload handling does).
     */
    static List<NewAttachment> of(List<MultipartFile> files) {
        List<NewAttachment> attachments = new ArrayList<>();
        if (files == null) {
            return attachments;
        }
        for (MultipartFile file : files) {
            String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
            if (name.isEmpty() && file.isEmpty()) {
                continue;
            }
            name = name.replaceFirst("^.*[\\\\/]", "");
            try {
                attachments.add(new NewAttachment(name, file.getContentType(), file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return attachments;
    }
}
