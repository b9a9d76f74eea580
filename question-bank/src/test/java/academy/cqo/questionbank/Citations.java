package academy.cqo.questionbank;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The citation patterns a reviewer can look up ({@code question-bank/README.md},
 * "Sources"). A source is one or more parts separated by "；"; at least one part is a law
 * or regulation with its edition year and article, a standard with number, year and
 * clause, or a government document with its 文号 or dated issuer. Further parts (e.g. a
 * textbook) may support it; a law cited anywhere carries its edition year, and that
 * edition is the one in force on 2026-12-01.
 */
final class Citations {

	/**
	 * A law, administrative regulation or departmental rule: needs edition year and
	 * article.
	 */
	static final Pattern LAW_TITLE = Pattern.compile("《((?:中华人民共和国)?[^《》]*?(?:法|条例|细则|规定|办法|规则))》");

	private static final Pattern EDITION = Pattern.compile("^[（(]([^）)]*?(?:19|20)\\d{2}年[^）)]*)[）)]");

	private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d{2}(?=年)");

	private static final Pattern ARTICLE = Pattern.compile("第[一二三四五六七八九十百零〇]+条");

	/** A standard: code, number, year. */
	static final Pattern STANDARD = Pattern.compile(
			"^(?:[^《]{0,40}?\\s)?(GB/T|GB/Z|GB|ISO/IEC|ISO/TS|ISO|IEC|IATF|RB/T|JJF|JJG|CXC|CAC/RCP|T/[A-Z]+|[A-Z]{2}/T)\\s*\\d+(?:\\.\\d+)*(?:-\\d+)?[-—–:](?:19|20)\\d{2}");

	/**
	 * A clause of a standard: numbered clause, annex, table, figure, chapter, foreword,
	 * introduction.
	 */
	private static final Pattern CLAUSE = Pattern.compile(
			"(?<![\\d.])\\d+(?:\\.\\d+)+|(?<![\\d.])\\d+\\s*[a-z]\\)|第\\s*[\\d一二三四五六七八九十]+\\s*[章节部分条]|附录\\s*[A-Z]|附件|表\\s*[A-Z]?\\.?\\d|图\\s*[A-Z]?\\.?\\d|前言|引言|原理\\s*\\d|(?<![\\d.-])[1-9]\\d?(?![\\d.\\-:年])");

	/** A government document number: 国市监标准〔2018〕84号, 国务院令第778号, 总局令第83号. */
	private static final Pattern DOCUMENT_NUMBER = Pattern
		.compile("〔(?:19|20)\\d{2}〕\\d+号|[\\[［](?:19|20)\\d{2}[\\]］]\\d+号");

	/** 《title》（issuer, year …）: a document with a dated issuer. */
	private static final Pattern DATED_DOCUMENT = Pattern.compile("《[^《》]+》[（(]([^）)]*(?:19|20)\\d{2}年[^）)]*)[）)]");

	private static final Pattern DATE_WORDS = Pattern.compile("\\d+|[年月日号第令，,、\\s]|印发|发布|修订|修正|修改|公布|施行|实施");

	/**
	 * The edition in force on 2026-12-01 of laws and regulations the bank cites, by title
	 * without "中华人民共和国".
	 */
	static final Map<String, String> EDITIONS_IN_FORCE = new LinkedHashMap<>();

	static {
		EDITIONS_IN_FORCE.put("产品质量法", "2018");
		EDITIONS_IN_FORCE.put("标准化法", "2017");
		EDITIONS_IN_FORCE.put("计量法", "2018");
		EDITIONS_IN_FORCE.put("计量法实施细则", "2022");
		EDITIONS_IN_FORCE.put("认证认可条例", "2023");
		EDITIONS_IN_FORCE.put("消费者权益保护法", "2013");
		EDITIONS_IN_FORCE.put("特种设备安全法", "2013");
		EDITIONS_IN_FORCE.put("食品安全法", "2025");
		EDITIONS_IN_FORCE.put("反不正当竞争法", "2025");
		EDITIONS_IN_FORCE.put("缺陷汽车产品召回管理条例", "2019");
		EDITIONS_IN_FORCE.put("企业信息公示暂行条例", "2024");
	}

	private Citations() {
	}

	/**
	 * What is wrong with a question's source, if anything.
	 */
	static List<String> checkSource(String source) {
		List<String> problems = new ArrayList<>();
		String text = source.strip().replaceAll("\\s+", " ");
		if (text.contains("种子通知") || text.contains("种子文件")) {
			problems.add("'" + text + "' cites a seed notice a reviewer cannot look up; cite the document by its 文号");
			return problems;
		}
		boolean citable = false;
		for (String part : text.split("[；;]")) {
			String trimmed = part.strip();
			if (trimmed.isEmpty()) {
				continue;
			}
			Matcher law = LAW_TITLE.matcher(trimmed);
			boolean isLaw = false;
			boolean lawOk = true;
			while (law.find()) {
				isLaw = true;
				if (!EDITION.matcher(trimmed.substring(law.end())).find()) {
					lawOk = false;
					problems
						.add("'" + law.group() + "' is cited without its edition year in parentheses right after the "
								+ "title, e.g. 《中华人民共和国产品质量法》（2018年修正）第二十六条");
				}
			}
			if (isLaw) {
				if (!ARTICLE.matcher(trimmed).find()) {
					lawOk = false;
					problems.add("'" + trimmed + "' names no article (第…条)");
				}
				citable |= lawOk;
				continue;
			}
			Matcher standard = STANDARD.matcher(trimmed);
			if (standard.find()) {
				String rest = trimmed.substring(standard.end()).replaceAll("《[^》]*》", " ");
				if (CLAUSE.matcher(rest).find()) {
					citable = true;
				}
				else {
					problems.add("'" + trimmed + "' names no clause of the standard (e.g. 8.5.1, 附录A, 表2, 引言)");
				}
				continue;
			}
			if (DOCUMENT_NUMBER.matcher(trimmed).find()) {
				citable = true;
				continue;
			}
			Matcher dated = DATED_DOCUMENT.matcher(trimmed);
			while (dated.find()) {
				String issuer = DATE_WORDS.matcher(dated.group(1)).replaceAll("");
				if (issuer.codePoints()
					.filter((c) -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
					.count() >= 2) {
					citable = true;
				}
			}
		}
		if (!citable && problems.isEmpty()) {
			problems.add("'" + text + "' cites no law with edition year and article, standard with year and clause, or "
					+ "government document with 文号 or dated issuer");
		}
		problems.addAll(outdatedEditions(text));
		return problems;
	}

	/**
	 * Laws cited, anywhere in a question, at an edition other than the one in force on
	 * 2026-12-01.
	 */
	static List<String> outdatedEditions(String text) {
		List<String> problems = new ArrayList<>();
		Matcher law = LAW_TITLE.matcher(text);
		while (law.find()) {
			String title = law.group(1).replaceFirst("^中华人民共和国", "");
			String inForce = EDITIONS_IN_FORCE.get(title);
			if (inForce == null) {
				continue;
			}
			Matcher edition = EDITION.matcher(text.substring(law.end()));
			if (!edition.find()) {
				continue;
			}
			String latest = YEAR.matcher(edition.group(1))
				.results()
				.map(MatchResult::group)
				.max(String::compareTo)
				.orElse("");
			if (!latest.equals(inForce)) {
				problems.add("cites " + law.group() + " as the " + latest + " edition; the edition in force on "
						+ "2026-12-01 is " + inForce + " (check article numbers and the rule itself against it)");
			}
		}
		return problems;
	}

}
