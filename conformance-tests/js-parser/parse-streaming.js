// Reads a JSON array of media stream messages (strings, as the emulator sent them on the WebSocket) on stdin; prints,
// for each, what the official JS SDK's StreamingData.parse made of it (its kind and the fields an app reads) or the
// error it threw, as a JSON array.
const { StreamingData } = require("@azure/communication-call-automation");

let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const messages = JSON.parse(input);
  const results = messages.map((message) => {
    try {
      const parsed = StreamingData.parse(message);
      const kind = StreamingData.getStreamingKind();
      return {
        kind,
        sampleRate: parsed.sampleRate,
        bytes: parsed.data !== undefined && kind === "AudioData" ? Buffer.from(parsed.data, "base64").length : undefined,
        isSilent: parsed.isSilent,
        participant: parsed.participant ? parsed.participant.kind : undefined,
        data: kind === "DtmfData" ? parsed.data : undefined,
      };
    } catch (error) {
      return { error: String(error) };
    }
  });
  process.stdout.write(JSON.stringify(results));
});
