#include <gtest/gtest.h>

#include "io/csv_reader.h"

namespace aims::io {
namespace {

TEST(CsvReader, ReadsQuotedFieldsLineBreaksAndByteOrderMark) {
  auto t = ReadCsv("\xEF\xBB\xBF" "Name , Purpose\r\n\"Screening, CVs\",\"says \"\"hello\"\"\"\r\n\"two\nlines\",x\n\nlast,row", "f.csv");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->header, (std::vector<std::string>{"Name", "Purpose"}));
  ASSERT_EQ(t->rows.size(), 3u);
  EXPECT_EQ(t->rows[0], (std::vector<std::string>{"Screening, CVs", "says \"hello\""}));
  EXPECT_EQ(t->rows[1][0], "two\nlines");
  EXPECT_EQ(t->lines, (std::vector<size_t>{2, 3, 6}));
}

TEST(CsvReader, NamesTheLineOfEveryProblem) {
  struct Case {
    std::string text, where, message;
  };
  for (const auto& c : std::vector<Case>{
           {"a,b\n1,2\n3\n", "f.csv:3", "this row has 1 fields; the header has 2"},
           {"a,b\n\"open,2\n3,4\n", "f.csv:2", "a quoted field is never closed"},
           {"a,b\n\"x\"y,2\n", "f.csv:2", "text after the closing quote of a field"},
           {"a,a\n", "f.csv:1", "column \"a\" appears twice in the header"},
           {"a,,c\n", "f.csv:1", "a column has no name in the header"},
           {"", "f.csv:1", "the file is empty: the first line must be the header"},
       }) {
    auto t = ReadCsv(c.text, "f.csv");
    ASSERT_FALSE(t.ok()) << c.text;
    EXPECT_EQ(t.status().where(), c.where) << c.text;
    EXPECT_EQ(t.status().message(), c.message) << c.text;
  }
  auto many = ReadCsv("a\n1\n2\n3\n", "f.csv", 2);
  ASSERT_FALSE(many.ok());
  EXPECT_EQ(many.status().where(), "f.csv:4");
}

}  // namespace
}  // namespace aims::io
