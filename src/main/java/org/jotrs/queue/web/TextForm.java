package org.jotrs.queue.web;

import org.jotrs.queue.TemplateAdministration;
import org.jotrs.queue.TemplateSettings;
import org.jotrs.queue.TextBlock;

/** The form of salutations, signatures and templates (templates add their type). */
public record TextForm(String name, String text, String templateType, String comment, Integer validId) {

    static TextForm empty() {
        return new TextForm("", "", TemplateAdministration.TEMPLATE_TYPES.getFirst(), "", 1);
    }

    static TextForm of(TextBlock block) {
        return new TextForm(block.name(), block.text(), null, QueueForm.text(block.comment()), block.validId());
    }

    static TextForm of(TemplateSettings template) {
        return new TextForm(template.name(), template.text(), template.templateType(), QueueForm.text(template.comment()),
                template.validId());
    }

    TextBlock block() {
        return new TextBlock(name, text, comment, QueueForm.zero(validId));
    }

    TemplateSettings template() {
        return new TemplateSettings(name, text, templateType, comment, QueueForm.zero(validId));
    }
}
