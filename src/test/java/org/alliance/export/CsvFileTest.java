package org.alliance.export;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CsvFileTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"})
    void aCellThatASpreadsheetWouldRunIsPrefixedWithAnApostrophe(String cell) {
        assertThat(CsvFile.neutralise(cell)).isEqualTo("'" + cell);
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "1+1", "a=b", "Zoë 😀", " =not at the start", "'already quoted"})
    void anyOtherCellIsLeftAsItIs(String cell) {
        assertThat(CsvFile.neutralise(cell)).isEqualTo(cell);
    }

    @Test
    void nullAndEmptyBecomeEmpty() {
        assertThat(CsvFile.neutralise(null)).isEmpty();
        assertThat(CsvFile.neutralise("")).isEmpty();
    }

    @Test
    void writesUtf8WithABomAHeaderRowAndEveryCellQuoted() throws IOException {
        byte[] bytes = CsvFile.write(List.of("Name", "Answer"),
                List.of(List.of("Zoë Ærø", "café, \"quoted\"\nsecond line"), List.of("=cmd", "-1")));

        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF\"Name\",\"Answer\"\r\n");
        assertThat(text).contains("\"'=cmd\",\"'-1\"\r\n");

        List<CSVRecord> records = CSVFormat.EXCEL.parse(new StringReader(text.substring(1))).getRecords();
        assertThat(records).hasSize(3);
        assertThat(records.get(0).values()).containsExactly("Name", "Answer");
        assertThat(records.get(1).values()).containsExactly("Zoë Ærø", "café, \"quoted\"\nsecond line");
        assertThat(records.get(2).values()).containsExactly("'=cmd", "'-1");
    }

    @Test
    void theHeaderIsNeutralisedToo() {
        String text = new String(CsvFile.write(List.of("=x"), List.of()), StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("\uFEFF\"'=x\"\r\n");
    }
}
