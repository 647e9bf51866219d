package main

import (
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"strings"
)

const apiURL = "https://xyz.endpoints.huggingface.cloud/llama/v1/chat/completions"

func main() {
	if os.Getenv("HF_TOKEN") == "" {
		log.Fatal("HF_TOKEN is not set")
	}
	payload := `{
    "model": "tgi",
    "messages": [
        {
            "role": "system",
            "content": "You are a helpful assistant."
        },
        {"role": "user", "content": "What is deep learning?"}
    ],
    "max_tokens": 500,
    "temperature": 0.2
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
