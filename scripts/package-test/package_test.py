"""The steps of scripts/test_lambda_package.sh that talk to the emulator or read files (python3 with boto3).

  package_test.py environment <template.json> <resources.json> <local-env> <package-dir> <endpoint> -> env lines
  package_test.py function <template.json>                                                 -> handler and memory
  package_test.py upload <resources.json> <inputs-dir> <endpoint> <events.jsonl>           -> the SQS events
  package_test.py check <resources.json> <responses.jsonl> <endpoint> <results-dir>        -> results.json, outputs
  package_test.py glibc <package-dir> <max-version>                                        -> exit 1 if newer
  package_test.py readytorun <package-dir> <assembly>                                      -> exit 1 without R2R code

The expected verdicts are EXPECTED below: the inputs in scripts/package-test/inputs and what the default rules make.
"""
import json
import os
import struct
import sys
import time
import urllib.parse

# key under uploads/package/ -> (status, reason, [(output key, content type, width, height)])
EXPECTED = {
    "photo.jpg": ("processed", None, [("processed/package/photo.jpg", "image/jpeg", 1024, 768)]),
    "icon_thumb.png": ("processed", None, [("processed/package/icon_thumb.png", "image/png", 200, 150)]),
    "gray_grayscale.webp": ("processed", None, [("processed/package/gray_grayscale.webp", "image/webp", 800, 600)]),
    "rotated.jpg": ("processed", None, [("processed/package/rotated.jpg", "image/jpeg", 683, 1024)]),
    "fake.png": ("rejected", "unsupported_format", []),
}
POISON = "this message is not an S3 event"


def template_function(template):
    functions = [r for r in template["Resources"].values()
                 if r["Type"] == "AWS::Lambda::Function" and "ImageProcessing.Function" in str(r["Properties"].get("Handler", ""))]
    if len(functions) != 1:
        sys.exit(f"expected one image function in the template, found {len(functions)}")
    return functions[0]["Properties"]


def environment(template_path, resources_path, local_environment_path, package_dir, endpoint):
    """The function's environment: the template's literals, its references resolved to the local resources (the
    environment `provision --environment` wrote for them)."""
    template = json.load(open(template_path))
    resources = json.load(open(resources_path))
    function = template_function(template)
    local = dict(line.rstrip("\n").split("=", 1) for line in open(local_environment_path) if "=" in line)
    env = {}
    for name, value in function["Environment"]["Variables"].items():
        if isinstance(value, str):
            env[name] = value
        elif name in local:
            env[name] = local[name]
        else:
            sys.exit(f"the template gives {name} a value this test cannot resolve locally: {json.dumps(value)}")
    # What Lambda itself sets for a function (the trace header is set per invocation by the harness).
    env.update({
        "AWS_LAMBDA_FUNCTION_NAME": "imgpipe-image-function",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": str(function["MemorySize"]),
        "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
        "AWS_EXECUTION_ENV": "AWS_Lambda_dotnet10",
        "LAMBDA_TASK_ROOT": package_dir,
        "AWS_REGION": resources["region"],
        "AWS_DEFAULT_REGION": resources["region"],
        "AWS_ENDPOINT_URL": endpoint,
        "AWS_ACCESS_KEY_ID": "test",
        "AWS_SECRET_ACCESS_KEY": "test",
        "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT": "1",
    })
    for name, value in sorted(env.items()):
        print(f"{name}={value}")


def function(template_path):
    """The function's handler string and memory size, as the template defines them."""
    properties = template_function(json.load(open(template_path)))
    print(properties["Handler"], properties["MemorySize"])


def clients(endpoint, region):
    import boto3
    session = boto3.session.Session(aws_access_key_id="test", aws_secret_access_key="test", region_name=region)
    return (session.client("s3", endpoint_url=endpoint), session.client("sqs", endpoint_url=endpoint),
            session.client("dynamodb", endpoint_url=endpoint))


def upload(resources_path, inputs_dir, endpoint, events_path):
    """Uploads the inputs, then turns what S3 delivered to the upload queue into Lambda SQS events, one message each
    (the stack's batch size), and adds a poison message."""
    resources = json.load(open(resources_path))
    s3, sqs, _ = clients(endpoint, resources["region"])
    for name in sorted(EXPECTED):
        with open(os.path.join(inputs_dir, name), "rb") as content:
            s3.put_object(Bucket=resources["bucket"], Key=f"uploads/package/{name}", Body=content.read())
    sqs.send_message(QueueUrl=resources["uploadQueueUrl"], MessageBody=POISON)
    messages, deadline = [], time.time() + 30
    while len(messages) < len(EXPECTED) + 1 and time.time() < deadline:
        received = sqs.receive_message(QueueUrl=resources["uploadQueueUrl"], MaxNumberOfMessages=10, WaitTimeSeconds=1,
                                       AttributeNames=["All"], MessageAttributeNames=["All"]).get("Messages", [])
        messages += [m for m in received if "s3:TestEvent" not in m["Body"]]
    if len(messages) != len(EXPECTED) + 1:
        sys.exit(f"the upload queue delivered {len(messages)} messages, expected {len(EXPECTED) + 1}")
    with open(events_path, "w") as events:
        for message in messages:
            attributes = message.get("Attributes", {})
            record = {
                "messageId": message["MessageId"],
                "receiptHandle": message["ReceiptHandle"],
                "body": message["Body"],
                "attributes": {
                    "ApproximateReceiveCount": attributes.get("ApproximateReceiveCount", "1"),
                    "SentTimestamp": attributes.get("SentTimestamp", "0"),
                    "SenderId": attributes.get("SenderId", "AIDAEXAMPLE"),
                    "ApproximateFirstReceiveTimestamp": attributes.get("ApproximateFirstReceiveTimestamp", "0"),
                },
                "messageAttributes": {},
                "md5OfBody": message["MD5OfBody"],
                "eventSource": "aws:sqs",
                "eventSourceARN": resources["uploadQueueArn"],
                "awsRegion": resources["region"],
            }
            events.write(json.dumps({"Records": [record]}) + "\n")
    print(f"{len(messages)} events ({len(EXPECTED)} uploads, 1 poison message)")


def check(resources_path, responses_path, endpoint, results_dir):
    """Checks every response, record, output and notification; writes results.json and the outputs' bytes."""
    resources = json.load(open(resources_path))
    s3, sqs, dynamodb = clients(endpoint, resources["region"])
    problems = []
    failures = []
    for line in open(responses_path):
        failures += [f["itemIdentifier"] for f in json.loads(line)["response"].get("batchItemFailures", [])]
    if len(failures) != 1:
        problems.append(f"expected one failed message (the poison one), got {len(failures)}: {failures}")
    results = {}
    os.makedirs(os.path.join(results_dir, "outputs"), exist_ok=True)
    for name, (status, reason, outputs) in sorted(EXPECTED.items()):
        key = f"uploads/package/{name}"
        items = dynamodb.query(TableName=resources["recordsTable"], KeyConditionExpression="sourceKey = :k",
                               ExpressionAttributeValues={":k": {"S": key}}, ConsistentRead=True)["Items"]
        if len(items) != 1:
            problems.append(f"{key}: {len(items)} records")
            continue
        item = items[0]
        got = (item["status"]["S"], item.get("reason", {}).get("S"))
        if got != (status, reason):
            problems.append(f"{key}: {got}, expected {(status, reason)}")
        recorded = []
        for output in item.get("outputs", {}).get("L", []):
            fields = output["M"]
            recorded.append({"key": fields["key"]["S"], "format": fields["format"]["S"],
                             "width": int(fields["width"]["N"]), "height": int(fields["height"]["N"])})
        for output_key, content_type, width, height in outputs:
            head = s3.head_object(Bucket=resources["bucket"], Key=output_key)
            if head["ContentType"] != content_type or head.get("ServerSideEncryption") != "aws:kms":
                problems.append(f"{output_key}: {head['ContentType']}, {head.get('ServerSideEncryption')}")
            if not any(r["key"] == output_key and (r["width"], r["height"]) == (width, height) for r in recorded):
                problems.append(f"{output_key}: recorded {recorded}, expected {width}x{height}")
            body = s3.get_object(Bucket=resources["bucket"], Key=output_key)["Body"].read()
            with open(os.path.join(results_dir, "outputs", os.path.basename(output_key)), "wb") as f:
                f.write(body)
        results[key] = {"status": got[0], "reason": got[1], "outputs": recorded}
    notifications, deadline = [], time.time() + 10
    while len(notifications) < len(EXPECTED) and time.time() < deadline:
        notifications += sqs.receive_message(QueueUrl=resources["imageEventsInboxUrl"], MaxNumberOfMessages=10,
                                             WaitTimeSeconds=1).get("Messages", [])
    announced = sorted(urllib.parse.unquote(json.loads(json.loads(n["Body"])["Message"])["sourceKey"]) for n in notifications)
    if announced != sorted(f"uploads/package/{n}" for n in EXPECTED):
        problems.append(f"notifications for {announced}")
    with open(os.path.join(results_dir, "results.json"), "w") as f:
        json.dump(results, f, indent=2, sort_keys=True)
    for problem in problems:
        print(f"FAIL {problem}")
    if problems:
        sys.exit(1)
    print(f"ok: {len(results)} verdicts as expected, {sum(len(o) for *_, o in EXPECTED.values())} outputs, "
          f"{len(announced)} notifications, the poison message failed")


def glibc_needs(path):
    """The GLIBC_x.y versions an ELF file needs (its .gnu.version_r section), read without binutils: any architecture."""
    data = open(path, "rb").read()
    if data[:4] != b"\x7fELF" or data[4] != 2:
        return []
    endian = "<" if data[5] == 1 else ">"
    shoff, = struct.unpack_from(endian + "Q", data, 0x28)
    shentsize, shnum = struct.unpack_from(endian + "HH", data, 0x3A)
    sections = [struct.unpack_from(endian + "IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
    needs = []
    for _, kind, _, _, offset, _, link, info, _, _ in sections:
        if kind != 0x6FFFFFFE:  # SHT_GNU_verneed
            continue
        strings = sections[link][4]
        entry = offset
        for _ in range(info):
            _, count, _, aux, following = struct.unpack_from(endian + "HHIII", data, entry)
            pointer = entry + aux
            for _ in range(count):
                _, _, _, name, nxt = struct.unpack_from(endian + "IHHII", data, pointer)
                text = data[strings + name:data.index(b"\0", strings + name)].decode()
                if text.startswith("GLIBC_") and text[6:7].isdigit():
                    needs.append(text)
                pointer += nxt
            entry += following
    return needs


def glibc(package_dir, maximum):
    def version(text):
        return tuple(int(p) for p in text.split("_", 1)[1].split("."))
    worst, libraries = (), 0
    for directory, _, files in os.walk(package_dir):
        for name in files:
            if ".so" not in name:
                continue
            needs = glibc_needs(os.path.join(directory, name))
            libraries += 1
            newest = max(needs, key=version, default="GLIBC_0")
            print(f"{os.path.relpath(os.path.join(directory, name), package_dir)}: needs up to {newest}")
            worst = max(worst, version(newest))
    if libraries == 0:
        sys.exit("the package has no native library")
    if worst > version("GLIBC_" + maximum):
        sys.exit(f"FAIL: the package needs GLIBC_{'.'.join(map(str, worst))}; Amazon Linux 2023 has {maximum}")
    print(f"ok: every native library runs on glibc {maximum}")


def is_ready_to_run(path):
    """True when a managed PE file carries ReadyToRun code: its CLI header names a managed native header."""
    data = open(path, "rb").read()
    if data[:2] != b"MZ":
        return False
    pe, = struct.unpack_from("<I", data, 0x3C)
    sections, optional_size = struct.unpack_from("<H", data, pe + 6)[0], struct.unpack_from("<H", data, pe + 20)[0]
    optional = pe + 24
    directories = optional + (96 if struct.unpack_from("<H", data, optional)[0] == 0x10B else 112)
    cli_rva, cli_size = struct.unpack_from("<II", data, directories + 14 * 8)
    if cli_size == 0:
        return False
    table = optional + optional_size
    for i in range(sections):
        _, virtual_size, virtual_address, raw_size, raw_pointer = struct.unpack_from("<8sIIII", data, table + i * 40)
        if virtual_address <= cli_rva < virtual_address + max(virtual_size, raw_size):
            native_rva, native_size = struct.unpack_from("<II", data, cli_rva - virtual_address + raw_pointer + 0x40)
            return native_size > 0
    return False


def readytorun(package_dir, assembly):
    """Fails unless the function's own assembly was published with ReadyToRun code."""
    path = os.path.join(package_dir, assembly + ".dll")
    if not is_ready_to_run(path):
        sys.exit(f"FAIL: {assembly}.dll carries no ReadyToRun code (build_lambda.sh publishes with it)")
    print(f"ok: {assembly}.dll carries ReadyToRun code")


def runtime_settings(package_dir, assembly, harness_dir):
    """Gives the harness the function's runtime settings: Lambda's managed runtime starts the function with its own
    runtimeconfig.json, while a self-contained harness would read only the harness's."""
    function_settings = json.load(open(os.path.join(package_dir, assembly + ".runtimeconfig.json")))["runtimeOptions"].get("configProperties", {})
    path = os.path.join(harness_dir, "ImageProcessing.PackageHarness.runtimeconfig.json")
    harness = json.load(open(path))
    harness["runtimeOptions"].setdefault("configProperties", {}).update(function_settings)
    json.dump(harness, open(path, "w"), indent=2)
    settings = ", ".join(f"{name}={json.dumps(value)}" for name, value in sorted(function_settings.items()))
    print(f"ok: the harness runs with the function's runtime settings: {settings}")


if __name__ == "__main__":
    command, *arguments = sys.argv[1:]
    {"environment": environment, "function": function, "upload": upload, "check": check, "glibc": glibc,
     "readytorun": readytorun, "runtime-settings": runtime_settings}[command](*arguments)
