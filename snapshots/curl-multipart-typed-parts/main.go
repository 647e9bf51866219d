package main

import (
	"bytes"
	"fmt"
	"io"
	"log"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"os"
)

const apiURL = "https://xyz.hf.space/gradio_api/upload"

func main() {
	if os.Getenv("HF_TOKEN") == "" {
		log.Fatal("HF_TOKEN is not set")
	}
	var payload bytes.Buffer
	form := multipart.NewWriter(&payload)
	writePart(form, textproto.MIMEHeader{
		"Content-Disposition": {`form-data; name="meta"`},
		"Content-Type":        {"application/json"},
	}, []byte(`{"task": "upload"}`))
	writePart(form, textproto.MIMEHeader{
		"Content-Disposition": {`form-data; name="file"; filename="photo.png"`},
		"Content-Type":        {"image/png"},
	}, readFile("photo.png"))
	writePart(form, textproto.MIMEHeader{"Content-Disposition": {`form-data; name="note"`}}, []byte("plain"))
	if err := form.Close(); err != nil {
		log.Fatal(err)
	}
	request, err := http.NewRequest(http.MethodPost, apiURL, &payload)
	if err != nil {
		log.Fatal(err)
	}
	request.Header.Set("Authorization", "Bearer "+os.Getenv("HF_TOKEN"))
	request.Header.Set("Content-Type", form.FormDataContentType())
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

// writePart adds a part with these headers and content to the form.
func writePart(form *multipart.Writer, header textproto.MIMEHeader, content []byte) {
	part, err := form.CreatePart(header)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := part.Write(content); err != nil {
		log.Fatal(err)
	}
}

// readFile returns the bytes of the file at path.
func readFile(path string) []byte {
	data, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	return data
}
