package castad.simulators.suno;

import castad.simulators.callback.CallbackUrls;

/**
 * What sunoapi.org documents for a generate request: a callback URL (422 without one), a known
 * model, and in custom mode a style, a title and, unless instrumental, the lyrics as prompt;
 * each within its model's length limit (413 for the prompt, 400 for the rest).
 */
final class GenerateRules {

    private GenerateRules() {
    }

    static GenerateRequest check(GenerateRequest request) {
        if (blank(request.callBackUrl())) {
            throw new SunoRejection(422, "callBackUrl is required");
        }
        require(CallbackUrls.isHttp(request.callBackUrl()), "callBackUrl must be an absolute http(s) URL");
        require(request.customMode() != null, "customMode is required");
        require(request.instrumental() != null, "instrumental is required");
        require(!blank(request.model()), "model is required");
        var model = SunoModel.named(request.model())
                .orElseThrow(() -> new SunoRejection(400, "model must be one of V3_5, V4, V4_5, V4_5PLUS, V4_5ALL, V5"));
        return request.custom() ? checkCustom(request, model) : checkDescribed(request);
    }

    private static GenerateRequest checkCustom(GenerateRequest request, SunoModel model) {
        require(!blank(request.style()), "style is required in custom mode");
        require(!blank(request.title()), "title is required in custom mode");
        require(request.withoutVocals() || !blank(request.prompt()), "prompt is required in custom mode unless instrumental");
        require(request.style().length() <= model.styleLimit, "style exceeds " + model.styleLimit + " characters");
        require(request.title().length() <= model.titleLimit, "title exceeds " + model.titleLimit + " characters");
        if (request.prompt() != null && request.prompt().length() > model.promptLimit) {
            throw new SunoRejection(413, "prompt exceeds " + model.promptLimit + " characters");
        }
        return request;
    }

    private static GenerateRequest checkDescribed(GenerateRequest request) {
        require(!blank(request.prompt()), "prompt is required");
        if (request.prompt().length() > SunoModel.DESCRIPTION_LIMIT) {
            throw new SunoRejection(413, "prompt exceeds " + SunoModel.DESCRIPTION_LIMIT + " characters outside custom mode");
        }
        return request;
    }

    private static void require(boolean valid, String message) {
        if (!valid) {
            throw new SunoRejection(400, message);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
