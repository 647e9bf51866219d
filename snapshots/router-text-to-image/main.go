package main

import (
	"io"
	"log"
	"net/http"
	"os"
	"strings"
)

const apiURL = "https://router.huggingface.co/hf-inference/models/black-forest-labs/FLUX.1-schnell"

func main() {
	if os.Getenv("HF_TOKEN") == "" {
		log.Fatal("HF_TOKEN is not set")
	}
	payload := `{
    "inputs": "Astronaut riding a horse",
    "parameters": {"num_inference_steps": 4}
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
	if err := os.WriteFile("text-to-image.png", answer, 0o644); err != nil {
		log.Fatal(err)
	}
}
