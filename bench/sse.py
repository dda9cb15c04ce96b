"""Groq-shaped chat completion SSE for the bench servers (bench/stream-server.py, bench/h2_server.py).

Events are generated in batches of about 64 KiB, so a server can send a million of them faster than any client
reads them: the client is what is measured.
"""
import json

WORDS = [" Lorem", " ipsum", " dolor", " sit", " amet,", " consectetur", " adipiscing", " elit."]
HEAD = (
    'data: {"id":"chatcmpl-bench","object":"chat.completion.chunk","created":1764500000,'
    '"model":"openai/gpt-oss-20b","system_fingerprint":"fp_bench","choices":[{"index":0,"delta":{"content":'
)
TAIL = '},"logprobs":null,"finish_reason":null}]}\n\n'
EVENTS = [(HEAD + json.dumps(word) + TAIL).encode() for word in WORDS]


def tokens_asked(body):
    try:
        request = json.loads(body or b"{}")
    except ValueError:
        return 20
    return int(request.get("max_completion_tokens") or request.get("max_tokens") or 20)


def batches(tokens):
    """The whole stream for `tokens` content tokens, in pieces of about 64 KiB, ending with usage and [DONE]."""
    first = (
        'data: {"id":"chatcmpl-bench","object":"chat.completion.chunk","created":1764500000,'
        '"model":"openai/gpt-oss-20b","choices":[{"index":0,"delta":{"role":"assistant","content":""},'
        '"logprobs":null,"finish_reason":null}],"x_groq":{"id":"req_bench"}}\n\n'
    ).encode()
    batch = [first]
    size = len(first)
    for index in range(tokens):
        event = EVENTS[index % len(EVENTS)]
        batch.append(event)
        size += len(event)
        if size >= 65536:
            yield b"".join(batch)
            batch, size = [], 0
    usage = {"prompt_tokens": 10, "completion_tokens": tokens, "total_tokens": tokens + 10}
    last = (
        'data: {"id":"chatcmpl-bench","object":"chat.completion.chunk","created":1764500000,'
        '"model":"openai/gpt-oss-20b","choices":[{"index":0,"delta":{},"logprobs":null,'
        '"finish_reason":"stop"}],"x_groq":{"id":"req_bench","usage":%s}}\n\ndata: [DONE]\n\n'
    ) % json.dumps(usage)
    batch.append(last.encode())
    yield b"".join(batch)
