package castad.simulators.creatomate;

import castad.simulators.callback.CallbackUrls;

/** What the simulator renders: a known template, to mp4, with object modifications and an http(s) webhook. */
final class RenderRules {

    private RenderRules() {
    }

    static RenderRequest check(RenderRequest request, TemplateCatalog templates) {
        require(request.templateId() != null && !request.templateId().isBlank(),
                "Provide a template_id (the simulator renders templates only).");
        require(templates.find(request.templateId()).isPresent(),
                "The template with ID '" + request.templateId() + "' was not found.");
        require(request.outputFormat() == null || "mp4".equals(request.outputFormat()),
                "output_format must be mp4 (the simulator renders videos only).");
        require(request.modifications() == null || request.modifications().isObject(),
                "modifications must be an object of element names to values.");
        require(request.webhookUrl() == null || CallbackUrls.isHttp(request.webhookUrl()),
                "webhook_url must be an absolute http(s) URL.");
        return request;
    }

    private static void require(boolean valid, String hint) {
        if (!valid) {
            throw new CreatomateRejection(400, hint);
        }
    }
}
