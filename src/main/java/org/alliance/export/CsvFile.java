package org.alliance.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * A CSV file as spreadsheets read it: UTF-8 with a byte order mark (without it Excel takes the
 * file for the local code page and garbles every name with an accent or an emoji), CRLF line
 * ends, a header row, every cell quoted, and every cell that a spreadsheet would run as a
 * formula neutralised (OWASP's advice against CSV injection).
 */
final class CsvFile {

    static final String BOM = "\uFEFF";
    /** What a spreadsheet may read as the start of a formula: = + - @, and tab or CR before one. */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private static final CSVFormat FORMAT = CSVFormat.EXCEL.builder().setQuoteMode(QuoteMode.ALL)
            .setRecordSeparator("\r\n").get();

    private CsvFile() {
    }

    static byte[] write(List<String> header, List<List<String>> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            out.write(BOM);
            printer.printRecord(header.stream().map(CsvFile::neutralise).toList());
            for (List<String> row : rows) {
                printer.printRecord(row.stream().map(CsvFile::neutralise).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing CSV in memory", e);
        }
        return bytes.toByteArray();
    }

    /**
     * The cell as text that no spreadsheet runs: one starting like a formula gets a leading
     * apostrophe, which Excel and LibreOffice show as plain text. Null becomes empty.
     */
    static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        return FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
