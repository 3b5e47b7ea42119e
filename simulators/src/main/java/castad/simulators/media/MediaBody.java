package castad.simulators.media;

/**
 * A media file to send at {@code size} bytes; when {@code cutOffAfter} is below the size, the
 * connection is dropped once that many bytes are sent.
 */
record MediaBody(MediaFile file, long size, long cutOffAfter) {

    static MediaBody whole(MediaFile file, long size) {
        return new MediaBody(file, size, size);
    }

    static MediaBody halfThenDrop(MediaFile file, long size) {
        return new MediaBody(file, size, size / 2);
    }

    boolean cutOff() {
        return cutOffAfter < size;
    }
}
