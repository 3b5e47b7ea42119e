package castad.simulators.media;

/** Which renders have succeeded: their video is served, any other render's URL answers 404. */
public interface RenderedVideos {

    boolean succeeded(String renderId);
}
