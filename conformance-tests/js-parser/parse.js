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
               hasParticipant: event.participant !== undefined, participants: (event.participants || []).length };
    } catch (error) {
      return { error: String(error) };
    }
  });
  process.stdout.write(JSON.stringify(results));
});
