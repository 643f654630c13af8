package org.bayan.media;

/**
 * A file made safe and put in place: its kind, the hash its folder is named by, its type, its size
 * in bytes, and a photo's width and height once its orientation has been applied (null for a PDF).
 */
record Stored(Media.Kind kind, String hash, String contentType, long bytes, Integer width, Integer height) {
}
