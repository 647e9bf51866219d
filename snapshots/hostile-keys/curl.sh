curl 'https://xyz.endpoints.huggingface.cloud/custom' \
    -X POST \
    -H "Authorization: Bearer ${HF_TOKEN:?}" \
    -H 'Content-Type: application/json' \
    -d '{
        "__proto__": {"polluted": true},
        "it'\''s": "a'\''b",
        "\"dq\"": null,
        "big": 12345678901234567890,
        "small": -9007199254740993,
        "float": 1.5e-10,
        "nested": {
            "list": [
                1,
                [
                    2,
                    [
                        3,
                        {}
                    ]
                ],
                [],
                "x"
            ]
        },
        "emoji 🤗": "中文"
    }'
