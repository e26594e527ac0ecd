"""Fake SNS endpoint that verifies SigV4 with botocore (the AWS CLI's signer) as the reference.

usage: sigv4_verifier.py PORT ACCESS_KEY SECRET_KEY SESSION_TOKEN REGION
Answers a PublishResponse when the signature is valid, else a 403 SignatureDoesNotMatch ErrorResponse.
"""
import datetime
import hashlib
import sys
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

PORT, ACCESS_KEY, SECRET_KEY, TOKEN, REGION = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
NS = "http://sns.amazonaws.com/doc/2010-03-31/"


def verify(method, path, headers, body):
    auth = headers.get("Authorization", "")
    if not auth.startswith("AWS4-HMAC-SHA256 "):
        return "missing SigV4 Authorization"
    fields = dict(part.strip().split("=", 1) for part in auth[len("AWS4-HMAC-SHA256 "):].split(","))
    access_key, date, region, service, terminator = fields["Credential"].split("/")
    amz_date = headers.get("X-Amz-Date", "")
    signed = fields["SignedHeaders"].split(";")
    if access_key != ACCESS_KEY or region != REGION or service != "sns" or terminator != "aws4_request":
        return "wrong credential scope " + fields["Credential"]
    if date != amz_date[:8]:
        return "scope date does not match X-Amz-Date"
    skew = abs(datetime.datetime.now(datetime.timezone.utc)
               - datetime.datetime.strptime(amz_date, "%Y%m%dT%H%M%SZ").replace(tzinfo=datetime.timezone.utc))
    if skew > datetime.timedelta(minutes=5):
        return "X-Amz-Date too far from now"
    if headers.get("X-Amz-Security-Token") != TOKEN or "x-amz-security-token" not in signed:
        return "session token missing or unsigned"
    if not {"host", "x-amz-date", "content-type"} <= set(signed):
        return "required headers unsigned: " + fields["SignedHeaders"]
    content_sha = headers.get("X-Amz-Content-SHA256")
    if content_sha is not None and content_sha != hashlib.sha256(body).hexdigest():
        return "x-amz-content-sha256 does not match the body"

    request = AWSRequest(method=method, url="http://" + headers["Host"] + path, data=body,
                         headers={name: headers[name] for name in signed})
    request.context["timestamp"] = amz_date
    signer = SigV4Auth(Credentials(ACCESS_KEY, SECRET_KEY, TOKEN), "sns", REGION)
    canonical = signer.canonical_request(request)
    expected = signer.signature(signer.string_to_sign(request, canonical), request)
    return None if expected == fields["Signature"] else "signature mismatch; canonical request:\n" + canonical


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        problem = verify("POST", self.path, self.headers, body)
        form = parse_qs(body.decode("utf-8"), keep_blank_values=True)
        if problem is None and form.get("Action") != ["Publish"]:
            problem = "not a Publish call"
        if problem is None:
            status, payload = 200, (f'<PublishResponse xmlns="{NS}"><PublishResult><MessageId>{uuid.uuid4()}</MessageId>'
                                    f'</PublishResult><ResponseMetadata><RequestId>{uuid.uuid4()}</RequestId></ResponseMetadata></PublishResponse>')
        else:
            sys.stderr.write(problem + "\n")
            status, payload = 403, (f'<ErrorResponse xmlns="{NS}"><Error><Type>Sender</Type><Code>SignatureDoesNotMatch</Code>'
                                    f'<Message>signature check failed</Message></Error><RequestId>verifier-{uuid.uuid4()}</RequestId></ErrorResponse>')
        data = payload.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/xml")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", int(PORT)), Handler).serve_forever()
