package castad.simulators.media;

import java.nio.charset.StandardCharsets;

/** Reads an MP3's playing time from its MPEG Layer III frame headers (an Xing/Info frame is not audio). */
final class Mp3Frames {

    private static final int[] MPEG1_KBPS = {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320};
    private static final int[] MPEG2_KBPS = {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160};
    private static final int[] MPEG1_RATES = {44100, 48000, 32000};

    private Mp3Frames() {
    }

    static double seconds(byte[] mp3) {
        int first = skipId3v2(mp3);
        long samples = 0;
        int sampleRate = 0;
        for (int at = first; at + 4 <= mp3.length; ) {
            var frame = Frame.at(mp3, at);
            if (frame == null) {
                break;
            }
            if (at != first || !frame.isInfoFrame(mp3, at)) {
                samples += frame.samples;
            }
            sampleRate = frame.sampleRate;
            at += frame.length;
        }
        if (sampleRate == 0) {
            throw new IllegalArgumentException("no MPEG Layer III frame found");
        }
        return samples / (double) sampleRate;
    }

    private static int skipId3v2(byte[] mp3) {
        if (mp3.length < 10 || mp3[0] != 'I' || mp3[1] != 'D' || mp3[2] != '3') {
            return 0;
        }
        return 10 + ((mp3[6] & 0x7f) << 21 | (mp3[7] & 0x7f) << 14 | (mp3[8] & 0x7f) << 7 | (mp3[9] & 0x7f));
    }

    private record Frame(int length, int samples, int sampleRate) {

        static Frame at(byte[] mp3, int at) {
            int header = (mp3[at] & 0xff) << 24 | (mp3[at + 1] & 0xff) << 16 | (mp3[at + 2] & 0xff) << 8 | (mp3[at + 3] & 0xff);
            int version = header >>> 19 & 3;
            int layer = header >>> 17 & 3;
            int bitrateIndex = header >>> 12 & 15;
            int rateIndex = header >>> 10 & 3;
            if ((header & 0xFFE00000) != 0xFFE00000 || version == 1 || layer != 1
                    || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) {
                return null;
            }
            boolean mpeg1 = version == 3;
            int bitrate = (mpeg1 ? MPEG1_KBPS : MPEG2_KBPS)[bitrateIndex] * 1000;
            int sampleRate = MPEG1_RATES[rateIndex] >> (mpeg1 ? 0 : version == 2 ? 1 : 2);
            int length = (mpeg1 ? 144 : 72) * bitrate / sampleRate + (header >>> 9 & 1);
            return new Frame(length, mpeg1 ? 1152 : 576, sampleRate);
        }

        boolean isInfoFrame(byte[] mp3, int at) {
            var text = new String(mp3, at, Math.min(length, mp3.length - at), StandardCharsets.ISO_8859_1);
            return text.contains("Xing") || text.contains("Info");
        }
    }
}
