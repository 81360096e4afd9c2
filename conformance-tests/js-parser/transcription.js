// Reads a JSON array of WebSocket text messages (strings) on stdin; prints, for each, what the official JS SDK's
// StreamingData.parse made of it (its kind and the fields an app reads) or the error it threw, as a JSON array.
const { StreamingData } = require("@azure/communication-call-automation");

let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const messages = JSON.parse(input);
  const results = messages.map((message) => {
    try {
      const parsed = StreamingData.parse(message);
      const kind = StreamingData.getStreamingKind();
      if (kind === "TranscriptionMetadata") {
        return { kind, locale: parsed.locale, callConnectionId: parsed.callConnectionId,
                 subscriptionId: parsed.subscriptionId,
                 speechRecognitionModelEndpointId: parsed.speechRecognitionModelEndpointId };
      }
      return { kind, text: parsed.text, format: parsed.format, resultState: parsed.resultState,
               offsetInTicks: parsed.offsetInTicks, durationInTicks: parsed.durationInTicks,
               words: parsed.words.length, participant: parsed.participant && parsed.participant.communicationUserId };
    } catch (error) {
      return { error: String(error) };
    }
  });
  process.stdout.write(JSON.stringify(results));
});
