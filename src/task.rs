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
    /// `audio-to-audio`
    AudioToAudio,
    /// `automatic-speech-recognition`
    AutomaticSpeechRecognition,
    /// `chat-completion`
    ChatCompletion,
    /// `document-question-answering`
    DocumentQuestionAnswering,
    /// `feature-extraction`
    FeatureExtraction,
    /// `fill-mask`
    FillMask,
    /// `image-classification`
    ImageClassification,
    /// `image-segmentation`
    ImageSegmentation,
    /// `image-text-to-image`
    ImageTextToImage,
    /// `image-text-to-text`
    ImageTextToText,
    /// `image-text-to-video`
    ImageTextToVideo,
    /// `image-to-image`
    ImageToImage,
    /// `image-to-text`
    ImageToText,
    /// `image-to-video`
    ImageToVideo,
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
    /// `tabular-classification`
    TabularClassification,
    /// `tabular-regression`
    TabularRegression,
    /// `text-classification`
    TextClassification,
    /// `text-generation`
    TextGeneration,
    /// `text-to-audio`
    TextToAudio,
    /// `text-to-image`
    TextToImage,
    /// `text-to-speech`
    TextToSpeech,
    /// `text-to-video`
    TextToVideo,
    /// `token-classification`
    TokenClassification,
    /// `translation`
    Translation,
    /// `visual-question-answering`
    VisualQuestionAnswering,
    /// `zero-shot-classification`
    ZeroShotClassification,
    /// `zero-shot-image-classification`
    ZeroShotImageClassification,
}

/// Every task with its pipeline tag, in the order error messages list them.
const TAGS: &[(Task, &str)] = &[
    (Task::AudioClassification, "audio-classification"),
    (Task::AudioToAudio, "audio-to-audio"),
    (
        Task::AutomaticSpeechRecognition,
        "automatic-speech-recognition",
    ),
    (Task::ChatCompletion, "chat-completion"),
    (
        Task::DocumentQuestionAnswering,
        "document-question-answering",
    ),
    (Task::FeatureExtraction, "feature-extraction"),
    (Task::FillMask, "fill-mask"),
    (Task::ImageClassification, "image-classification"),
    (Task::ImageSegmentation, "image-segmentation"),
    (Task::ImageTextToImage, "image-text-to-image"),
    (Task::ImageTextToText, "image-text-to-text"),
    (Task::ImageTextToVideo, "image-text-to-video"),
    (Task::ImageToImage, "image-to-image"),
    (Task::ImageToText, "image-to-text"),
    (Task::ImageToVideo, "image-to-video"),
    (Task::ObjectDetection, "object-detection"),
    (Task::QuestionAnswering, "question-answering"),
    (Task::SentenceSimilarity, "sentence-similarity"),
    (Task::Summarization, "summarization"),
    (Task::TableQuestionAnswering, "table-question-answering"),
    (Task::TabularClassification, "tabular-classification"),
    (Task::TabularRegression, "tabular-regression"),
    (Task::TextClassification, "text-classification"),
    (Task::TextGeneration, "text-generation"),
    (Task::TextToAudio, "text-to-audio"),
    (Task::TextToImage, "text-to-image"),
    (Task::TextToSpeech, "text-to-speech"),
    (Task::TextToVideo, "text-to-video"),
    (Task::TokenClassification, "token-classification"),
    (Task::Translation, "translation"),
    (Task::VisualQuestionAnswering, "visual-question-answering"),
    (Task::ZeroShotClassification, "zero-shot-classification"),
    (
        Task::ZeroShotImageClassification,
        "zero-shot-image-classification",
    ),
];

/// Older names the Hub still uses for the same task.
const ALIASES: &[(&str, Task)] = &[
    ("conversational", Task::ChatCompletion),
    ("sentiment-analysis", Task::TextClassification),
    ("ner", Task::TokenClassification),
    ("asr", Task::AutomaticSpeechRecognition),
    ("embeddings", Task::FeatureExtraction),
    // transformers' pipeline alias.
    ("vqa", Task::VisualQuestionAnswering),
    // The Hub's tag for encoder-decoder models, served by text-generation routes.
    ("text2text-generation", Task::TextGeneration),
];

impl Task {
    /// The pipeline tag, e.g. `text-classification`.
    pub fn tag(self) -> &'static str {
        TAGS.iter()
            .find(|(task, _)| *task == self)
            .map_or("", |(_, tag)| tag)
    }

    /// Whether the endpoint answers with raw bytes (an image, audio, a video) rather
    /// than JSON.
    pub fn returns_bytes(self) -> bool {
        matches!(
            self,
            Task::TextToImage
                | Task::TextToSpeech
                | Task::TextToAudio
                | Task::TextToVideo
                | Task::ImageToImage
                | Task::ImageTextToImage
                | Task::ImageToVideo
                | Task::ImageTextToVideo
        )
    }

    /// Whether the endpoint takes the raw bytes of an input file as the body (the
    /// image tasks that also take parameters take them with a base64 image in JSON).
    pub fn takes_file(self) -> bool {
        matches!(
            self,
            Task::AudioClassification
                | Task::AudioToAudio
                | Task::AutomaticSpeechRecognition
                | Task::ImageClassification
                | Task::ImageSegmentation
                | Task::ImageToImage
                | Task::ImageToText
                | Task::ImageToVideo
                | Task::ObjectDetection
        )
    }

    /// Whether the request is an OpenAI-style chat completion (images in the
    /// messages for `image-text-to-text`).
    pub(crate) fn is_chat(self) -> bool {
        matches!(self, Task::ChatCompletion | Task::ImageTextToText)
    }

    /// The pipeline tag or alias closest to `name`, for "did you mean" hints. `name`
    /// is compared as it would be parsed: lowercase, `_` as `-`.
    pub(crate) fn closest(name: &str) -> Option<&'static str> {
        let names = TAGS.iter().map(|(_, tag)| *tag);
        crate::suggest::closest(
            &normalise(name),
            names.chain(ALIASES.iter().map(|(alias, _)| *alias)),
            3,
        )
    }
}

/// A task name as tags are written: trimmed, lowercase, `-` between words.
fn normalise(name: &str) -> String {
    name.trim().to_ascii_lowercase().replace('_', "-")
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
        let wanted = normalise(name);
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
    fn every_tag_and_alias_is_suggested_for_its_typos() {
        let names = TAGS
            .iter()
            .map(|(_, tag)| *tag)
            .chain(ALIASES.iter().map(|(alias, _)| *alias));
        for name in names {
            // Two neighbours swapped, a letter dropped, the words in another spelling.
            let mut swapped: Vec<char> = name.chars().collect();
            let middle = swapped.len() / 2;
            swapped.swap(middle - 1, middle);
            let swapped: String = swapped.into_iter().collect();
            let dropped = format!("{}{}", &name[..middle], &name[middle + 1..]);
            let shouted = name.to_ascii_uppercase().replace('-', "_");
            for typo in [swapped, dropped, shouted] {
                if typo.parse::<Task>().is_ok() {
                    continue;
                }
                assert_eq!(Task::closest(&typo), Some(name), "{typo:?}");
            }
        }
    }

    #[test]
    fn new_tags_parse_and_suggest() {
        assert_eq!("vqa".parse(), Ok(Task::VisualQuestionAnswering));
        assert_eq!("text2text-generation".parse(), Ok(Task::TextGeneration));
        assert_eq!("Image_Text_To_Video".parse(), Ok(Task::ImageTextToVideo));
        let err = "Image_To_Imag".parse::<Task>().unwrap_err();
        assert_eq!(
            err.to_string(),
            r#"unknown task "Image_To_Imag"; did you mean "image-to-image"?"#
        );
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
