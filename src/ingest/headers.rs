//! The header vocabulary: which header words name which column.
//!
//! A new wording a vendor uses is one line in [`VOCABULARY`], not new code.

/// What a table column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Column {
    /// The error code as the client sees it.
    Code,
    /// A symbolic name (`InvalidUserToken`).
    Name,
    /// The message a client sees, in any language.
    Message,
    /// An explanation of the code. Beside a message column it is the
    /// record's description; alone it is the code's text, as a message is.
    Description,
    /// What to do about the code.
    Solution,
    /// The module, category or service a code belongs to.
    Group,
    /// The HTTP status the code is returned with.
    HttpStatus,
    /// A short business code, part of the full code (`001` under HTTP 400).
    BusinessCode,
    /// An example response body that holds the full code and a message.
    ResponseBody,
}

/// Header words, normalised as [`normalise`] does, and the column they name.
/// Matching is exact first; otherwise the longest entry contained in the
/// header wins, so `业务错误码` names a business code, not a code.
const VOCABULARY: &[(&str, Column)] = &[
    // Code
    ("错误码", Column::Code),
    ("错误代码", Column::Code),
    ("错误编码", Column::Code),
    ("错误码值", Column::Code),
    ("返回码", Column::Code),
    ("结果码", Column::Code),
    ("代码", Column::Code),
    ("编码", Column::Code),
    ("code", Column::Code),
    ("errorcode", Column::Code),
    ("errcode", Column::Code),
    ("errorno", Column::Code),
    ("errno", Column::Code),
    ("returncode", Column::Code),
    ("resultcode", Column::Code),
    ("retcode", Column::Code),
    // Name
    ("错误码名称", Column::Name),
    ("错误名称", Column::Name),
    ("错误码标识", Column::Name),
    ("名称", Column::Name),
    ("标识", Column::Name),
    ("常量", Column::Name),
    ("常量名", Column::Name),
    ("枚举", Column::Name),
    ("name", Column::Name),
    ("errorname", Column::Name),
    ("codename", Column::Name),
    ("constant", Column::Name),
    ("identifier", Column::Name),
    ("symbol", Column::Name),
    // Message
    ("错误信息", Column::Message),
    ("提示信息", Column::Message),
    ("返回信息", Column::Message),
    ("错误消息", Column::Message),
    ("错误提示", Column::Message),
    ("信息", Column::Message),
    ("消息", Column::Message),
    ("message", Column::Message),
    ("msg", Column::Message),
    ("errormessage", Column::Message),
    ("errmsg", Column::Message),
    ("errormsg", Column::Message),
    ("information", Column::Message),
    ("错误类型", Column::Message),
    ("errortype", Column::Message),
    // Description
    ("描述", Column::Description),
    ("说明", Column::Description),
    ("含义", Column::Description),
    ("解释", Column::Description),
    ("语义", Column::Description),
    ("释义", Column::Description),
    ("错误描述", Column::Description),
    ("错误说明", Column::Description),
    ("错误码描述", Column::Description),
    ("错误码说明", Column::Description),
    ("错误码含义", Column::Description),
    ("问题描述", Column::Description),
    ("原因", Column::Description),
    ("错误原因", Column::Description),
    ("可能原因", Column::Description),
    ("description", Column::Description),
    ("desc", Column::Description),
    ("meaning", Column::Description),
    ("reason", Column::Description),
    ("cause", Column::Description),
    ("explanation", Column::Description),
    ("details", Column::Description),
    // Solution
    ("处理建议", Column::Solution),
    ("解决方案", Column::Solution),
    ("处理措施", Column::Solution),
    ("解决办法", Column::Solution),
    ("解决方法", Column::Solution),
    ("处理方法", Column::Solution),
    ("处理方式", Column::Solution),
    ("操作建议", Column::Solution),
    ("修复建议", Column::Solution),
    ("排查建议", Column::Solution),
    ("排查方法", Column::Solution),
    ("应对措施", Column::Solution),
    ("处理说明", Column::Solution),
    ("建议", Column::Solution),
    ("solution", Column::Solution),
    ("solutions", Column::Solution),
    ("suggestedaction", Column::Solution),
    ("recommendedaction", Column::Solution),
    ("suggestion", Column::Solution),
    ("resolution", Column::Solution),
    ("howtofix", Column::Solution),
    ("whattodo", Column::Solution),
    ("remedy", Column::Solution),
    ("workaround", Column::Solution),
    ("troubleshooting", Column::Solution),
    ("recommendation", Column::Solution),
    // Group
    ("模块", Column::Group),
    ("所属模块", Column::Group),
    ("功能模块", Column::Group),
    ("分类", Column::Group),
    ("类别", Column::Group),
    ("错误分类", Column::Group),
    ("所属服务", Column::Group),
    ("服务", Column::Group),
    ("分组", Column::Group),
    ("module", Column::Group),
    ("category", Column::Group),
    ("errorcategory", Column::Group),
    ("service", Column::Group),
    ("group", Column::Group),
    // HTTP status
    ("http状态码", Column::HttpStatus),
    ("http状态", Column::HttpStatus),
    ("http返回码", Column::HttpStatus),
    ("http响应码", Column::HttpStatus),
    ("http错误码", Column::HttpStatus),
    ("状态码", Column::HttpStatus),
    ("httpstatus", Column::HttpStatus),
    ("httpstatuscode", Column::HttpStatus),
    ("httpcode", Column::HttpStatus),
    ("statuscode", Column::HttpStatus),
    ("status", Column::HttpStatus),
    ("http", Column::HttpStatus),
    // Business code
    ("业务错误码", Column::BusinessCode),
    ("业务码", Column::BusinessCode),
    ("子错误码", Column::BusinessCode),
    ("模块错误码", Column::BusinessCode),
    ("moduleerrorcode", Column::BusinessCode),
    ("modulecode", Column::BusinessCode),
    ("businesscode", Column::BusinessCode),
    ("subcode", Column::BusinessCode),
    // Response body
    ("返回消息体", Column::ResponseBody),
    ("返回体", Column::ResponseBody),
    ("响应体", Column::ResponseBody),
    ("响应消息体", Column::ResponseBody),
    ("返回示例", Column::ResponseBody),
    ("响应示例", Column::ResponseBody),
    ("responsebody", Column::ResponseBody),
    ("response", Column::ResponseBody),
    ("body", Column::ResponseBody),
    ("example", Column::ResponseBody),
];

/// Words that name a column only as the whole header: inside a longer one
/// they mean something else (`Transaction`, `Content type`).
const WHOLE_HEADER: &[(&str, Column)] = &[
    ("type", Column::Message),
    ("类型", Column::Message),
    ("action", Column::Solution),
    ("actions", Column::Solution),
    ("fix", Column::Solution),
];

/// Whether a header says "type" (`Type`, `类型`, `错误类型`): the short name
/// of each error, or, when it repeats a few values down the rows
/// (`Client`/`Server`), the kind it belongs to.
pub(crate) fn says_type(header: &str) -> bool {
    matches!(
        normalise(header).as_str(),
        "type" | "类型" | "错误类型" | "errortype"
    )
}

/// Lowercase, without whitespace, punctuation or markup characters:
/// `HTTP 状态码`, `http_status` and `Http-Status` all become one key.
pub(crate) fn normalise(header: &str) -> String {
    header
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The longest vocabulary word for `column` in a normalised header.
pub(crate) fn longest_word(key: &str, column: Column) -> Option<&'static str> {
    VOCABULARY
        .iter()
        .filter(|(word, c)| *c == column && key.contains(word))
        .map(|(word, _)| *word)
        .max_by_key(|word| word.chars().count())
}

/// The column a header names when the whole of it is one of the
/// vocabulary's wordings.
pub(crate) fn classify_exact(header: &str) -> Option<Column> {
    let key = normalise(header);
    VOCABULARY
        .iter()
        .chain(WHOLE_HEADER)
        .find(|(word, _)| *word == key)
        .map(|&(_, column)| column)
}

/// The column a field of source code names (`code`, `errorMessage`,
/// `httpStatus`): the whole name, or the longest word it ends with. A
/// word inside a name does not count: `ErrNotFound` holds `errno` and is
/// no error-number field.
pub(crate) fn classify_field(name: &str) -> Option<Column> {
    let key = normalise(name);
    if key.is_empty() {
        return None;
    }
    classify_exact(name).or_else(|| {
        VOCABULARY
            .iter()
            .filter(|(word, _)| key.ends_with(word))
            .max_by_key(|(word, _)| word.chars().count())
            .map(|&(_, column)| column)
    })
}

/// The column a header names, if the vocabulary knows it.
pub(crate) fn classify(header: &str) -> Option<Column> {
    let key = normalise(header);
    if key.is_empty() {
        return None;
    }
    classify_exact(header).or_else(|| {
        VOCABULARY
            .iter()
            .filter(|(word, _)| key.contains(word))
            .max_by_key(|(word, _)| word.chars().count())
            .map(|&(_, column)| column)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_headers_are_known() {
        assert_eq!(classify("错误码名称"), Some(Column::Name));
        assert_eq!(classify("错误码"), Some(Column::Code));
        assert_eq!(classify("描述"), Some(Column::Description));
        assert_eq!(classify("HTTP状态码"), Some(Column::HttpStatus));
        assert_eq!(classify("业务错误码"), Some(Column::BusinessCode));
        assert_eq!(classify("返回消息体"), Some(Column::ResponseBody));
    }

    #[test]
    fn other_wordings_generalise() {
        assert_eq!(classify("Error Code"), Some(Column::Code));
        assert_eq!(classify("HTTP Status Code"), Some(Column::HttpStatus));
        assert_eq!(classify("Error message"), Some(Column::Message));
        assert_eq!(classify("错误信息"), Some(Column::Message));
        assert_eq!(classify("处理建议"), Some(Column::Solution));
        assert_eq!(classify("Suggested Action"), Some(Column::Solution));
        assert_eq!(classify("How to fix"), Some(Column::Solution));
        assert_eq!(classify("所属模块"), Some(Column::Group));
        assert_eq!(classify("Service"), Some(Column::Group));
        assert_eq!(classify("错误码 (Code)"), Some(Column::Code));
        assert_eq!(classify("Name"), Some(Column::Name));
        assert_eq!(classify("备注"), None);
    }

    #[test]
    fn vocabulary_is_normalised_and_unique() {
        let all: Vec<&(&str, Column)> = VOCABULARY.iter().chain(WHOLE_HEADER).collect();
        for (i, (word, _)) in all.iter().enumerate() {
            assert_eq!(normalise(word), *word, "entry {word} is not normalised");
            assert!(
                all[..i].iter().all(|(w, _)| w != word),
                "entry {word} is listed twice"
            );
        }
    }

    #[test]
    fn some_words_name_a_column_only_alone() {
        assert_eq!(classify("Action"), Some(Column::Solution));
        assert_eq!(classify("Type"), Some(Column::Message));
        assert_eq!(classify("Transaction ID"), None);
        assert_eq!(classify("Content type"), None);
        assert_eq!(classify("模块错误码"), Some(Column::BusinessCode));
        assert_eq!(classify("Module Error Code"), Some(Column::BusinessCode));
    }
}
