package castad.simulators.media;

import java.io.IOException;

import castad.simulators.fault.CutOffStream;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;

/**
 * Streams a {@link MediaBody} with its Content-Length, padded as asked, without holding the padding in
 * memory; a cut-off body stops half-way and drops the connection. A bean, so Spring Boot adds it to
 * the MVC converters.
 */
@Component
class MediaBodyConverter extends AbstractHttpMessageConverter<MediaBody> {

    MediaBodyConverter() {
        super(MediaType.ALL);
    }

    @Override
    protected boolean supports(Class<?> type) {
        return MediaBody.class.isAssignableFrom(type);
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected MediaBody readInternal(Class<? extends MediaBody> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("media bodies are only written", input);
    }

    @Override
    protected Long getContentLength(MediaBody body, MediaType contentType) {
        return body.size();
    }

    @Override
    protected void writeInternal(MediaBody body, HttpOutputMessage output) throws IOException {
        var out = body.cutOff() ? new CutOffStream(output.getBody(), body.cutOffAfter()) : output.getBody();
        body.file().writeTo(out, body.size());
    }
}
