//! Inference tasks, named by their Hugging Face pipeline tags.

use std::fmt;
use std::str::FromStr;

use crate::diagnostic::{Code, Hint};
use crate::error::Error;

/// The inference task a request performs, as a Hugging Face pipeline tag.
///
/// The task decides which typed method the Hugging Face clients call and how a
/// snippet reads the response (JSON, an image, a stream of tokens).
///
/// # Example
/// ```
/// use inference_snippets::Task;
///
/// let task: Task = "conversational".parse().unwrap();
/// assert_eq!(task, Task::ChatCompletion);
/// assert_eq!(task.to_string(), "chat-completion");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Task {
    /// `audio-classification`
    AudioClassification,
    /// `automatic-speech-recognition`
    AutomaticSpeechRecognition,
    /// `chat-completion`
    ChatCompletion,
    /// `feature-extraction`
    FeatureExtraction,
    /// `fill-mask`
    FillMask,
    /// `image-classification`
    ImageClassification,
    /// `image-segmentation`
    ImageSegmentation,
    /// `image-to-text`
    ImageToText,
    /// `object-detection`
    ObjectDetection,
    /// `question-answering`
    QuestionAnswering,
    /// `sentence-similarity`
    SentenceSimilarity,
    /// `summarization`
    Summarization,
    /// `table-question-answering`
    TableQuestionAnswering,
    /// `text-classification`
    TextClassification,
    /// `text-generation`
    TextGeneration,
    /// `text-to-image`
    TextToImage,
    /// `text-to-speech`
    TextToSpeech,
    /// `token-classification`
    TokenClassification,
    /// `translation`
    Translation,
    /// `zero-shot-classification`
    ZeroShotClassification,
}

/// Every task with its pipeline tag, in the order error messages list them.
const TAGS: &[(Task, &str)] = &[
    (Task::AudioClassification, "audio-classification"),
    (
        Task::AutomaticSpeechRecognition,
        "automatic-speech-recognition",
    ),
    (Task::ChatCompletion, "chat-completion"),
    (Task::FeatureExtraction, "feature-extraction"),
    (Task::FillMask, "fill-mask"),
    (Task::ImageClassification, "image-classification"),
    (Task::ImageSegmentation, "image-segmentation"),
    (Task::ImageToText, "image-to-text"),
    (Task::ObjectDetection, "object-detection"),
    (Task::QuestionAnswering, "question-answering"),
    (Task::SentenceSimilarity, "sentence-similarity"),
    (Task::Summarization, "summarization"),
    (Task::TableQuestionAnswering, "table-question-answering"),
    (Task::TextClassification, "text-classification"),
    (Task::TextGeneration, "text-generation"),
    (Task::TextToImage, "text-to-image"),
    (Task::TextToSpeech, "text-to-speech"),
    (Task::TokenClassification, "token-classification"),
    (Task::Translation, "translation"),
    (Task::ZeroShotClassification, "zero-shot-classification"),
];

/// Older names the Hub still uses for the same task.
const ALIASES: &[(&str, Task)] = &[
    ("conversational", Task::ChatCompletion),
    ("sentiment-analysis", Task::TextClassification),
    ("ner", Task::TokenClassification),
    ("asr", Task::AutomaticSpeechRecognition),
    ("embeddings", Task::FeatureExtraction),
];

impl Task {
    /// The pipeline tag, e.g. `text-classification`.
    pub fn tag(self) -> &'static str {
        TAGS.iter()
            .find(|(task, _)| *task == self)
            .map_or("", |(_, tag)| tag)
    }

    /// Whether the endpoint answers with raw bytes (an image, audio) rather than JSON.
    pub fn returns_bytes(self) -> bool {
        matches!(self, Task::TextToImage | Task::TextToSpeech)
    }

    /// Whether the request body is the raw bytes of an input file.
    pub fn takes_file(self) -> bool {
        matches!(
            self,
            Task::AudioClassification
                | Task::AutomaticSpeechRecognition
                | Task::ImageClassification
                | Task::ImageSegmentation
                | Task::ImageToText
                | Task::ObjectDetection
        )
    }

    /// The pipeline tag closest to `name`, for "did you mean" hints.
    pub(crate) fn closest(name: &str) -> Option<&'static str> {
        let names = TAGS.iter().map(|(_, tag)| *tag);
        crate::suggest::closest(
            name,
            names.chain(ALIASES.iter().map(|(alias, _)| *alias)),
            3,
        )
    }
}

impl fmt::Display for Task {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// The name given is not a known pipeline tag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownTask(pub String);

impl fmt::Display for UnknownTask {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Error::from(self.clone()).diagnostic().fmt(f)
    }
}

impl std::error::Error for UnknownTask {}

impl From<UnknownTask> for Error {
    fn from(unknown: UnknownTask) -> Error {
        let error = Error::new(Code::UnknownTask, format!("unknown task {:?}", unknown.0));
        match Task::closest(&unknown.0) {
            Some(tag) => error.hint(Hint::DidYouMean(format!("{tag:?}"))),
            None => error.advice(format!("known tasks: {}", known_tags())),
        }
    }
}

/// Every pipeline tag, for the message that lists them.
fn known_tags() -> String {
    let tags: Vec<&str> = TAGS.iter().map(|(_, tag)| *tag).collect();
    tags.join(", ")
}

impl FromStr for Task {
    type Err = UnknownTask;

    fn from_str(name: &str) -> Result<Task, UnknownTask> {
        let wanted = name.trim().to_ascii_lowercase().replace('_', "-");
        TAGS.iter()
            .find(|(_, tag)| *tag == wanted)
            .map(|(task, _)| *task)
            .or_else(|| {
                ALIASES
                    .iter()
                    .find(|(alias, _)| *alias == wanted)
                    .map(|(_, task)| *task)
            })
            .ok_or_else(|| UnknownTask(name.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tag_parses_back() {
        for (task, tag) in TAGS {
            assert_eq!(tag.parse::<Task>(), Ok(*task));
            assert_eq!(task.tag(), *tag);
        }
    }

    #[test]
    fn aliases_and_spellings() {
        assert_eq!("conversational".parse(), Ok(Task::ChatCompletion));
        assert_eq!("Text_Classification".parse(), Ok(Task::TextClassification));
    }

    #[test]
    fn unknown_task_suggests() {
        let err = "text-clasification".parse::<Task>().unwrap_err();
        assert_eq!(
            err.to_string(),
            r#"unknown task "text-clasification"; did you mean "text-classification"?"#
        );
        let err = "xyzzy-plugh-frobnicate".parse::<Task>().unwrap_err();
        assert!(
            err.to_string()
                .contains("known tasks: audio-classification")
        );
    }
}
