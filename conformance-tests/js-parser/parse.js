// Reads a JSON array of callback POST bodies (strings) on stdin; prints, for each, the parsed event's kind or the
// error the official JS SDK threw, as a JSON array.
const { parseCallAutomationEvent } = require("@azure/communication-call-automation");

let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const bodies = JSON.parse(input);
  const results = bodies.map((body) => {
    try {
      const event = parseCallAutomationEvent(body);
      return { kind: event.kind, callConnectionId: event.callConnectionId,
               hasParticipant: event.participant !== undefined, participants: (event.participants || []).length,
               recognized: event.kind === "RecognizeCompleted" ? recognized(event) : undefined };
    } catch (error) {
      return { error: String(error) };
    }
  });
  process.stdout.write(JSON.stringify(results));
});

// What a RecognizeCompleted recognized, as the JS SDK's typed event exposes it: its recognitionType and the result
// that type has (the keys of dtmfResult, the label of choiceResult, the text of speechResult), null when it lacks it.
function recognized(event) {
  const results = {
    dtmf: event.dtmfResult && (event.dtmfResult.tones || []).join(","),
    choices: event.choiceResult && event.choiceResult.label,
    speech: event.speechResult && event.speechResult.speech,
  };
  const value = results[event.recognitionType];
  return { type: event.recognitionType, value: value === undefined ? null : value };
}
