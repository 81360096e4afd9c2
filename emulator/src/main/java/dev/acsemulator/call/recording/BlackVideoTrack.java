package dev.acsemulator.call.recording;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The video track of an audio-video recording: a black picture, one frame a second, as H.264 (ITU-T H.264, Baseline
 * profile, CAVLC) the emulator writes itself, since it renders no one's video. The first frame is an IDR picture whose
 * macroblocks are all I_PCM (black samples written as they are: Y 16, Cb and Cr 128); each later frame is a P picture
 * that skips every macroblock, so it repeats the first. Samples carry NAL units with 4-byte lengths, described by an
 * {@code avc1} entry with its {@code avcC} configuration (ISO/IEC 14496-15).
 */
final class BlackVideoTrack {

    static final int WIDTH = 320;
    static final int HEIGHT = 240;
    private static final int TIMESCALE = 1000;
    private static final int FRAME_MILLIS = 1000;
    private static final int MACROBLOCKS = (WIDTH / 16) * (HEIGHT / 16);
    private static final int PROFILE_BASELINE = 66;
    private static final int CONSTRAINTS = 0xC0;
    private static final int LEVEL = 20;
    private static final int I_PCM = 25;
    private static final int SLICE_P_ALL = 5;
    private static final int SLICE_I_ALL = 7;
    private static final int MAX_FRAME_NUM = 16;

    private BlackVideoTrack() {
    }

    /** Enough one-second frames to last {@code millis}, at least one. */
    static Mp4File.Track lasting(long millis) {
        int frames = (int) Math.max(1, (millis + FRAME_MILLIS - 1) / FRAME_MILLIS);
        byte[] sps = nal(3, 7, sequenceParameterSet());
        byte[] pps = nal(3, 8, pictureParameterSet());
        List<byte[]> samples = new ArrayList<>(frames);
        samples.add(Mp4File.concat(lengthPrefixed(sps), lengthPrefixed(pps), lengthPrefixed(nal(3, 5, idrSlice()))));
        for (int frame = 1; frame < frames; frame++) {
            samples.add(lengthPrefixed(nal(2, 1, skippedSlice(frame % MAX_FRAME_NUM))));
        }
        byte[] avcC = Mp4File.box("avcC", Mp4File.concat(new byte[] {1, PROFILE_BASELINE, (byte) CONSTRAINTS, LEVEL,
                (byte) 0xFF, (byte) 0xE1}, Mp4File.u16(sps.length), sps, new byte[] {1}, Mp4File.u16(pps.length),
                pps));
        byte[] compressorName = new byte[32];
        byte[] entry = Mp4File.box("avc1", Mp4File.concat(new byte[6], Mp4File.u16(1), new byte[16],
                Mp4File.u16(WIDTH), Mp4File.u16(HEIGHT), Mp4File.u32(0x00480000), Mp4File.u32(0x00480000),
                new byte[4], Mp4File.u16(1), compressorName, Mp4File.u16(0x18), Mp4File.u16(0xFFFF), avcC));
        return new Mp4File.Track("vide", TIMESCALE, entry, samples, FRAME_MILLIS, WIDTH, HEIGHT, new int[] {1});
    }

    private static byte[] sequenceParameterSet() {
        Bits bits = new Bits();
        bits.u(8, PROFILE_BASELINE).u(8, CONSTRAINTS).u(8, LEVEL);
        bits.ue(0);                       // seq_parameter_set_id
        bits.ue(0);                       // log2_max_frame_num_minus4: frame_num has 4 bits
        bits.ue(2);                       // pic_order_cnt_type 2: output order is decoding order
        bits.ue(1);                       // max_num_ref_frames
        bits.u(1, 0);                     // gaps_in_frame_num_value_allowed_flag
        bits.ue(WIDTH / 16 - 1).ue(HEIGHT / 16 - 1);
        bits.u(1, 1);                     // frame_mbs_only_flag
        bits.u(1, 1);                     // direct_8x8_inference_flag
        bits.u(1, 0);                     // frame_cropping_flag
        bits.u(1, 0);                     // vui_parameters_present_flag
        return bits.trailing();
    }

    private static byte[] pictureParameterSet() {
        Bits bits = new Bits();
        bits.ue(0).ue(0);                 // pic_parameter_set_id, seq_parameter_set_id
        bits.u(1, 0);                     // entropy_coding_mode_flag: CAVLC
        bits.u(1, 0);                     // bottom_field_pic_order_in_frame_present_flag
        bits.ue(0);                       // num_slice_groups_minus1
        bits.ue(0).ue(0);                 // num_ref_idx_l0/l1_default_active_minus1
        bits.u(1, 0).u(2, 0);             // weighted_pred_flag, weighted_bipred_idc
        bits.se(0).se(0).se(0);           // pic_init_qp/qs_minus26, chroma_qp_index_offset
        bits.u(1, 1);                     // deblocking_filter_control_present_flag
        bits.u(1, 0).u(1, 0);             // constrained_intra_pred_flag, redundant_pic_cnt_present_flag
        return bits.trailing();
    }

    private static byte[] idrSlice() {
        Bits bits = new Bits();
        bits.ue(0).ue(SLICE_I_ALL).ue(0); // first_mb_in_slice, slice_type, pic_parameter_set_id
        bits.u(4, 0);                     // frame_num
        bits.ue(0);                       // idr_pic_id
        bits.u(1, 0).u(1, 0);             // no_output_of_prior_pics_flag, long_term_reference_flag
        bits.se(0);                       // slice_qp_delta
        bits.ue(1);                       // disable_deblocking_filter_idc
        for (int macroblock = 0; macroblock < MACROBLOCKS; macroblock++) {
            bits.ue(I_PCM).align();
            for (int sample = 0; sample < 256; sample++) {
                bits.u(8, 16);
            }
            for (int sample = 0; sample < 128; sample++) {
                bits.u(8, 128);
            }
        }
        return bits.trailing();
    }

    private static byte[] skippedSlice(int frameNum) {
        Bits bits = new Bits();
        bits.ue(0).ue(SLICE_P_ALL).ue(0); // first_mb_in_slice, slice_type, pic_parameter_set_id
        bits.u(4, frameNum);              // frame_num
        bits.u(1, 0);                     // num_ref_idx_active_override_flag
        bits.u(1, 0);                     // ref_pic_list_modification_flag_l0
        bits.u(1, 0);                     // adaptive_ref_pic_marking_mode_flag
        bits.se(0);                       // slice_qp_delta
        bits.ue(1);                       // disable_deblocking_filter_idc
        bits.ue(MACROBLOCKS);             // mb_skip_run: every macroblock
        return bits.trailing();
    }

    /** A NAL unit: its header, then the payload with emulation prevention bytes (no 00 00 0x with x below 4). */
    private static byte[] nal(int referenceIdc, int type, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 16);
        out.write((referenceIdc << 5) | type);
        int zeros = 0;
        for (byte value : payload) {
            if (zeros >= 2 && (value & 0xFF) <= 3) {
                out.write(3);
                zeros = 0;
            }
            out.write(value);
            zeros = value == 0 ? zeros + 1 : 0;
        }
        return out.toByteArray();
    }

    private static byte[] lengthPrefixed(byte[] nal) {
        return Mp4File.concat(Mp4File.u32(nal.length), nal);
    }

    /** A bit string, most significant bit first, with H.264's Exp-Golomb codes. */
    private static final class Bits {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int current;
        private int used;

        Bits u(int count, int value) {
            for (int bit = count - 1; bit >= 0; bit--) {
                current = (current << 1) | ((value >>> bit) & 1);
                if (++used == 8) {
                    out.write(current);
                    current = 0;
                    used = 0;
                }
            }
            return this;
        }

        Bits ue(int value) {
            int code = value + 1;
            int length = 32 - Integer.numberOfLeadingZeros(code);
            return u(length - 1, 0).u(length, code);
        }

        Bits se(int value) {
            return ue(value > 0 ? 2 * value - 1 : -2 * value);
        }

        Bits align() {
            while (used != 0) {
                u(1, 0);
            }
            return this;
        }

        /** rbsp_trailing_bits: a one, then zeros to the byte's end. */
        byte[] trailing() {
            u(1, 1).align();
            return out.toByteArray();
        }
    }
}
