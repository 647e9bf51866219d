package main

import (
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"strings"
)

func main() {
	if os.Getenv("HF_TOKEN") == "" {
		log.Fatal("HF_TOKEN is not set")
	}
	if os.Getenv("ENDPOINT_URL") == "" {
		log.Fatal("ENDPOINT_URL is not set")
	}
	if os.Getenv("API_KEY") == "" {
		log.Fatal("API_KEY is not set")
	}
	if os.Getenv("PROMPT") == "" {
		log.Fatal("PROMPT is not set")
	}
	if os.Getenv("MAX_TOKENS") == "" {
		log.Fatal("MAX_TOKENS is not set")
	}
	apiURL := os.Getenv("ENDPOINT_URL") + "/v1/chat/completions"
	payload := `{
    "model": "` + envOr("MODEL", "tgi") + `",
    "messages": [
        {"role": "user", "content": "` + os.Getenv("PROMPT") + `"}
    ],
    "max_tokens": ` + os.Getenv("MAX_TOKENS") + `
}`
	request, err := http.NewRequest(http.MethodPost, apiURL, strings.NewReader(payload))
	if err != nil {
		log.Fatal(err)
	}
	request.Header.Set("Authorization", "Bearer "+os.Getenv("HF_TOKEN"))
	request.Header.Set("Content-Type", "application/json")
	request.Header.Set("x-api-key", os.Getenv("API_KEY"))
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

// envOr returns the environment variable name, or fallback when it is unset or empty.
func envOr(name, fallback string) string {
	if value := os.Getenv(name); value != "" {
		return value
	}
	return fallback
}
