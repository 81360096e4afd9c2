// Drives a recording with the official JS SDK 1.6.0 (CallRecording) step by step: each stdin line is a JSON command,
// each answer a JSON line on stdout. Recording files are downloaded as the SDK downloads them, from hosts ending in
// .asm.skype.com only: this script maps such names to 127.0.0.1 by overriding dns.lookup before the SDK loads (the
// test process's own hosts entry), and trusts the emulator through NODE_EXTRA_CA_CERTS.
const dns = require("node:dns");
const originalLookup = dns.lookup;
dns.lookup = (hostname, options, callback) => {
  if (typeof options === "function") {
    callback = options;
    options = {};
  }
  if (typeof options === "number") {
    options = { family: options };
  }
  if (String(hostname).toLowerCase().endsWith(".asm.skype.com")) {
    return options && options.all
      ? process.nextTick(callback, null, [{ address: "127.0.0.1", family: 4 }])
      : process.nextTick(callback, null, "127.0.0.1", 4);
  }
  return originalLookup(hostname, options, callback);
};

const fs = require("node:fs");
const readline = require("node:readline");
const { Writable } = require("node:stream");
const { CallAutomationClient } = require("@azure/communication-call-automation");

const recording = new CallAutomationClient(process.env.ACS_CONNECTION_STRING).getCallRecording();

async function run(command) {
  switch (command.op) {
    case "start": {
      const result = await recording.start({ callConnectionId: command.callConnectionId,
        recordingStateCallbackEndpointUrl: command.stateUrl, recordingContent: "audio", recordingChannel: "mixed",
        recordingFormat: "wav" });
      return { recordingId: result.recordingId, recordingState: result.recordingState };
    }
    case "startAudioVideoPaused": {
      // As Microsoft's live-transcription sample starts its recording (callautomation-live-transcription).
      const result = await recording.start({ callLocator: { id: command.serverCallId, kind: "serverCallLocator" },
        recordingChannel: "mixed", recordingContent: "audioVideo", recordingFormat: "mp4",
        recordingStateCallbackEndpointUrl: command.stateUrl, pauseOnStart: true });
      return { recordingId: result.recordingId, recordingState: result.recordingState };
    }
    case "pause":
      await recording.pause(command.recordingId);
      return {};
    case "resume":
      await recording.resume(command.recordingId);
      return {};
    case "stop":
      await recording.stop(command.recordingId);
      return {};
    case "downloadToPath":
      await recording.downloadToPath(command.url, command.path);
      return { bytes: fs.statSync(command.path).size };
    case "downloadToStream": {
      const chunks = [];
      await recording.downloadToStream(command.url, new Writable({
        write(chunk, encoding, done) {
          chunks.push(chunk);
          done();
        },
      }));
      return { base64: Buffer.concat(chunks).toString("base64") };
    }
    case "downloadStreaming": {
      const stream = await recording.downloadStreaming(command.url);
      const chunks = [];
      for await (const chunk of stream) {
        chunks.push(Buffer.from(chunk));
      }
      return { base64: Buffer.concat(chunks).toString("base64") };
    }
    case "delete":
      await recording.delete(command.url);
      return {};
    default:
      throw new Error("unknown command " + command.op);
  }
}

const lines = readline.createInterface({ input: process.stdin });
let queue = Promise.resolve();
lines.on("line", (line) => {
  queue = queue.then(async () => {
    let answer;
    try {
      answer = await run(JSON.parse(line));
    } catch (error) {
      // The SDK throws Errors, RestErrors (statusCode) and, for downloads and deletes, plain {status, message}.
      answer = { error: error instanceof Error ? error.message : JSON.stringify(error),
        statusCode: error ? error.statusCode || error.status : undefined };
    }
    process.stdout.write(JSON.stringify(answer) + "\n");
  });
});
