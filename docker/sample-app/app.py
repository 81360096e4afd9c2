"""The smallest Call Automation app: receives the emulator's callbacks and IncomingCall, and answers incoming calls.

Python standard library only. Endpoints:
  POST /api/incomingCall  Event Grid: answers the SubscriptionValidation handshake, answers each IncomingCall
  POST /api/callbacks/... Call Automation callbacks (CloudEvents): logged, one line each
On start it waits for the emulator's /health, then places a call to each raw id in DEMO_CALL_TARGETS and hangs
up HANG_UP_AFTER seconds after it connects, so `docker compose up` shows the whole round trip.

Environment: ACS_CONNECTION_STRING (endpoint=https://HOST:PORT/;accesskey=KEY), ACS_CA_FILE (the emulator's
emulator-cert.pem, to trust its HTTPS), APP_PORT (3000), APP_CALLBACK_BASE (how the emulator reaches this app),
DEMO_CALL_TARGETS (comma-separated raw ids), HANG_UP_AFTER (seconds, 2), API_VERSION (2025-05-15).
"""
import base64
import email.utils
import hashlib
import hmac
import json
import os
import ssl
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

settings = dict(part.split("=", 1) for part in os.environ["ACS_CONNECTION_STRING"].split(";") if part)
ENDPOINT = urllib.parse.urlsplit(settings["endpoint"])
ACCESS_KEY = base64.b64decode(settings["accesskey"])
API_VERSION = os.environ.get("API_VERSION", "2025-05-15")
APP_PORT = int(os.environ.get("APP_PORT", "3000"))
CALLBACK_BASE = os.environ.get("APP_CALLBACK_BASE", f"http://127.0.0.1:{APP_PORT}")
HANG_UP_AFTER = float(os.environ.get("HANG_UP_AFTER", "2"))
TLS = ssl.create_default_context(cafile=os.environ.get("ACS_CA_FILE") or None)
outbound_calls = set()


def log(message):
    print(f"[sample-app] {message}", flush=True)


def call_automation(method, path, body=None):
    """One REST call, signed with HMAC-SHA256 as the official SDKs sign."""
    path_and_query = f"{path}?api-version={API_VERSION}"
    content = json.dumps(body).encode() if body is not None else b""
    content_hash = base64.b64encode(hashlib.sha256(content).digest()).decode()
    date = email.utils.formatdate(usegmt=True)
    string_to_sign = f"{method}\n{path_and_query}\n{date};{ENDPOINT.netloc};{content_hash}"
    signature = base64.b64encode(hmac.new(ACCESS_KEY, string_to_sign.encode(), hashlib.sha256).digest()).decode()
    request = urllib.request.Request(f"{ENDPOINT.scheme}://{ENDPOINT.netloc}{path_and_query}", data=content or None,
                                     method=method, headers={
        "Host": ENDPOINT.netloc, "x-ms-date": date, "x-ms-content-sha256": content_hash,
        "Authorization": f"HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature={signature}",
        "Content-Type": "application/json"})
    with urllib.request.urlopen(request, context=TLS, timeout=10) as response:
        payload = response.read()
        return json.loads(payload) if payload else None


def identifier(raw_id):
    if raw_id.startswith("4:"):
        return {"kind": "phoneNumber", "rawId": raw_id, "phoneNumber": {"value": raw_id[2:]}}
    return {"kind": "communicationUser", "rawId": raw_id, "communicationUser": {"id": raw_id}}


def answer(event):
    data = event["data"]
    log(f"IncomingCall from {data['from']['rawId']} to {data['to']['rawId']}: answering")
    answered = call_automation("POST", "/calling/callConnections:answer", {
        "incomingCallContext": data["incomingCallContext"], "callbackUri": f"{CALLBACK_BASE}/api/callbacks/inbound"})
    log(f"answered: callConnectionId={answered['callConnectionId']}")


def hang_up_later(call_connection_id):
    time.sleep(HANG_UP_AFTER)
    call_automation("DELETE", f"/calling/callConnections/{call_connection_id}")
    log(f"hung up {call_connection_id}")


class Webhooks(BaseHTTPRequestHandler):
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"[]")
        event_grid_type = self.headers.get("aeg-event-type")
        if event_grid_type == "SubscriptionValidation":
            code = body[0]["data"]["validationCode"]
            log(f"Event Grid subscription '{self.headers.get('aeg-subscription-name')}' validated")
            return self.reply(200, {"validationResponse": code})
        if event_grid_type == "Notification":
            for event in body:
                if event.get("eventType") == "Microsoft.Communication.IncomingCall":
                    threading.Thread(target=answer, args=(event,), daemon=True).start()
            return self.reply(200)
        for event in body:
            data = event.get("data", {})
            result = data.get("resultInformation") or {}
            log(f"callback {self.path}: {event.get('type', '').replace('Microsoft.Communication.', '')} "
                f"callConnectionId={data.get('callConnectionId')} code={result.get('code')}/{result.get('subCode')}")
            if event.get("type", "").endswith(".CallConnected") and data.get("callConnectionId") in outbound_calls:
                threading.Thread(target=hang_up_later, args=(data["callConnectionId"],), daemon=True).start()
        self.reply(200)

    def do_GET(self):
        self.reply(200, {"status": "healthy"} if self.path == "/health" else None)

    def reply(self, status, payload=None):
        content = json.dumps(payload).encode() if payload is not None else b""
        self.send_response(status)
        self.send_header("Content-Length", str(len(content)))
        if content:
            self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(content)

    def log_message(self, format, *args):
        pass  # one line per event is logged above


def place_demo_calls():
    targets = [t.strip() for t in os.environ.get("DEMO_CALL_TARGETS", "").split(",") if t.strip()]
    if not targets:
        return
    health = f"{ENDPOINT.scheme}://{ENDPOINT.netloc}/health"
    for _ in range(60):
        try:
            urllib.request.urlopen(health, context=TLS, timeout=2).read()
            break
        except (urllib.error.URLError, OSError):
            time.sleep(1)
    for target in targets:
        created = call_automation("POST", "/calling/callConnections", {
            "targets": [identifier(target)], "callbackUri": f"{CALLBACK_BASE}/api/callbacks/outbound",
            **({"sourceCallerIdNumber": {"value": target[2:]}} if target.startswith("4:") else {})})
        outbound_calls.add(created["callConnectionId"])
        log(f"calling {target}: callConnectionId={created['callConnectionId']}")


if __name__ == "__main__":
    server = ThreadingHTTPServer((os.environ.get("APP_HOST", "0.0.0.0"), APP_PORT), Webhooks)
    log(f"listening on port {APP_PORT}; emulator at {ENDPOINT.geturl()}; callbacks via {CALLBACK_BASE}")
    threading.Thread(target=place_demo_calls, daemon=True).start()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        sys.exit(0)
