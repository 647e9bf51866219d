package main

import (
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"strings"
)

const apiURL = "https://xyz.endpoints.huggingface.cloud/custom"

func main() {
	if os.Getenv("HF_TOKEN") == "" {
		log.Fatal("HF_TOKEN is not set")
	}
	payload := `{
    "__proto__": {"polluted": true},
    "it's": "a'b",
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
}`
	request, err := http.NewRequest(http.MethodPost, apiURL, strings.NewReader(payload))
	if err != nil {
		log.Fatal(err)
	}
	request.Header.Set("Authorization", "Bearer "+os.Getenv("HF_TOKEN"))
	request.Header.Set("Content-Type", "application/json")
	response, err := http.DefaultClient.Do(request)
	if err != nil {
		log.Fatal(err)
	}
	defer response.Body.Close()
	if response.StatusCode >= 400 {
		message, _ := io.ReadAll(response.Body)
		log.Fatalf("%s: %s", response.Status, message)
	}
	answer, err := io.ReadAll(response.Body)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(string(answer))
}
