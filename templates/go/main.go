package main

import (
{%- for import in imports %}
	"{{ import }}"
{%- endfor %}
)
{%- if url_is_const %}

const apiURL = {{ url }}
{%- endif %}

func main() {
{%- for check in checks %}
	{{ check }}
{%- endfor %}
{%- if !url_is_const %}
	apiURL := {{ url }}
{%- endif %}
{%- for line in payload %}
	{{ line }}
{%- endfor %}
	request, err := http.NewRequest({{ method }}, apiURL, {{ body }})
	if err != nil {
		log.Fatal(err)
	}
{%- for line in headers %}
	{{ line }}
{%- endfor %}
{%- for line in transport %}
	{{ line }}
{%- endfor %}
{%- if client.is_empty() %}
	response, err := http.DefaultClient.Do(request)
{%- else %}
	client := &http.Client{ {{- client|join(", ") -}} }
	response, err := client.Do(request)
{%- endif %}
	if err != nil {
		log.Fatal(err)
	}
	defer response.Body.Close()
	if response.StatusCode >= 400 {
		message, _ := io.ReadAll(response.Body)
		log.Fatalf("%s: %s", response.Status, message)
	}
{%- match response %}
{%- when Response::ChatStream | Response::TokenStream | Response::EventStream %}
	// Server-sent events: each data: line is printed as it arrives.
	scanner := bufio.NewScanner(response.Body)
	for scanner.Scan() {
		line := scanner.Text()
		if !strings.HasPrefix(line, "data:") {
			continue
		}
		data := strings.TrimSpace(strings.TrimPrefix(line, "data:"))
		if data == "[DONE]" {
			break
		}
{%- if response == Response::ChatStream %}
		var chunk struct {
			Choices []struct {
				Delta struct {
					Content string `json:"content"`
				} `json:"delta"`
			} `json:"choices"`
		}
		if err := json.Unmarshal([]byte(data), &chunk); err != nil {
			log.Fatal(err)
		}
		for _, choice := range chunk.Choices {
			fmt.Print(choice.Delta.Content)
		}
{%- else if response == Response::TokenStream %}
		var chunk struct {
			Token struct {
				Text string `json:"text"`
			} `json:"token"`
		}
		if err := json.Unmarshal([]byte(data), &chunk); err != nil {
			log.Fatal(err)
		}
		fmt.Print(chunk.Token.Text)
{%- else %}
		fmt.Println(data)
{%- endif %}
	}
	if err := scanner.Err(); err != nil {
		log.Fatal(err)
	}
{%- if response != Response::EventStream %}
	fmt.Println()
{%- endif %}
{%- when Response::Bytes %}
	answer, err := io.ReadAll(response.Body)
	if err != nil {
		log.Fatal(err)
	}
{%- if let Some(output_file) = output_file %}
	if err := os.WriteFile({{ output_file }}, answer, 0o644); err != nil {
		log.Fatal(err)
	}
{%- endif %}
{%- when Response::Json | Response::Text %}
	answer, err := io.ReadAll(response.Body)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(string(answer))
{%- endmatch %}
}
{%- for helper in helpers %}

{{ helper }}
{%- endfor %}
