package main

import (
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"strings"
)

const apiURL = "https://xyz.endpoints.huggingface.cloud/distilbert-sentiment"

func main() {
	if os.Getenv("MY_HF_TOKEN") == "" {
		log.Fatal("MY_HF_TOKEN is not set")
	}
	payload := `{
    "inputs": "I like you"
}`
	request, err := http.NewRequest(http.MethodPost, apiURL, strings.NewReader(payload))
	if err != nil {
		log.Fatal(err)
	}
	request.Header.Set("Authorization", "Bearer "+os.Getenv("MY_HF_TOKEN"))
	request.Header.Set("Content-Type", "application/json")
	request.Header.Set("X-Use-Cache", "false")
	request.Header.Set("X-Wait-For-Model", "true")
	request.Header.Set("Accept", "application/json")
	request.Header.Set("X-Trace", "a=1; b=2: c")
	request.Header.Set("X-Empty", "")
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
