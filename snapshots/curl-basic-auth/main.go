package main

import (
	"fmt"
	"io"
	"log"
	"net/http"
	"strings"
)

const apiURL = "https://xyz.endpoints.huggingface.cloud/settings"

func main() {
	payload := `replicas=2&scale_to_zero=true`
	request, err := http.NewRequest(http.MethodPatch, apiURL, strings.NewReader(payload))
	if err != nil {
		log.Fatal(err)
	}
	request.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	request.Header.Set("User-Agent", "docs-bot/1.0")
	request.Header.Set("Cookie", "session=abc; theme=dark")
	request.SetBasicAuth("admin", "s3cret!")
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
