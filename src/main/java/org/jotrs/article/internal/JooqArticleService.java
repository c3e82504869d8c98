package org.jotrs.article.internal;

import org.jotrs.platform.ColumnLimits;

import static org.jotrs.platform.db.schema.Tables.ARTICLE;
import static org.jotrs.platform.db.schema.Tables.ARTICLE_DATA_MIME;
import static org.jotrs.platform.db.schema.Tables.ARTICLE_FLAG;
import static org.jotrs.platform.db.schema.Tables.ARTICLE_SENDER_TYPE;
import static org.jotrs.platform.db.schema.Tables.COMMUNICATION_CHANNEL;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jotrs.article.ArticleService;
import org.jotrs.article.ArticleView;
import org.jotrs.article.MailHeaders;
import org.jotrs.article.Attachment;
import org.jotrs.article.AttachmentInfo;
import org.jotrs.article.Channel;
import org.jotrs.article.InvalidArticle;
import org.jotrs.article.NewArticle;
import org.jotrs.article.NewAttachment;
import org.jotrs.article.SenderType;
import org.jotrs.platform.ChangeFeed;
import org.jotrs.platform.FeedKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
class JooqArticleService implements ArticleService {

    /** OTRS stores plain-text bodies with this content type. */
    static final String PLAIN_TEXT = "text/plain; charset=utf-8";
    /** OTRS keeps an article's HTML body as this attachment, with this content type and no disposition. */
    static final String HTML_BODY_FILENAME = "file-2";
    static final String HTML_BODY_CONTENT_TYPE = "text/html; charset=\"utf-8\"";
    /** OTRS's per-agent read marker ({@code article_flag.article_key}). */
    static final String SEEN = "Seen";
    private static final String FINGERPRINT_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final java.security.SecureRandom FINGERPRINT_RANDOM = new java.security.SecureRandom();
    /** OTRS's {@code content_path}: the article's creation date, where ArticleStorageFS puts its files. */
    private static final DateTimeFormatter CONTENT_PATH = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);

    private final DSLContext db;
    private final Clock clock;
    private final ArticleAttachments attachments;
    private final Map<SenderType, Short> senderTypeIds = new ConcurrentHashMap<>();
    private final Map<Channel, Long> channelIds = new ConcurrentHashMap<>();

    private final RawMessages rawMessages;
    private final ChangeFeed feed;

    JooqArticleService(DSLContext db, Clock clock, ArticleAttachments attachments, RawMessages rawMessages, ChangeFeed feed) {
        this.feed = feed;
        this.db = db;
        this.clock = clock;
        this.attachments = attachments;
        this.rawMessages = rawMessages;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void storeRawMessage(long articleId, byte[] message) {
        rawMessages.store(articleId, message);
    }

    @Override
    public Optional<Long> ticketIdOfMessageIds(List<String> messageIds) {
        List<String> digests = messageIds.stream().filter(id -> id != null && !id.isBlank())
                .map(id -> org.apache.commons.codec.digest.DigestUtils.md5Hex(id.strip())).distinct().toList();
        if (digests.isEmpty()) {
            return Optional.empty();
        }
        return db.select(ARTICLE.TICKET_ID).from(ARTICLE_DATA_MIME)
                .join(ARTICLE).on(ARTICLE.ID.eq(ARTICLE_DATA_MIME.ARTICLE_ID))
                .where(ARTICLE_DATA_MIME.A_MESSAGE_ID_MD5.in(digests))
                .orderBy(ARTICLE.ID.desc()).limit(1)
                .fetchOptional(ARTICLE.TICKET_ID);
    }

    @Override
    public Optional<byte[]> rawMessage(long articleId) {
        return rawMessages.read(articleId);
    }

    @Override
    @Transactional
    public void recordSendError(long articleId, String messageId, String error) {
        rawMessages.recordSendError(articleId, messageId, error);
    }

    @Override
    public Optional<String> sendError(long articleId) {
        return rawMessages.lastSendError(articleId);
    }

    @Override
    public java.util.Map<Long, String> sendErrors(long ticketId) {
        return rawMessages.sendErrors(ticketId);
    }

    @Override
    @Transactional
    public void clearSendErrors(long articleId) {
        rawMessages.clearSendErrors(articleId);
    }

    @Override
    public List<ArticleView> articlesOf(long ticketId) {
        var rows = db.select(ARTICLE.ID, ARTICLE_SENDER_TYPE.NAME, COMMUNICATION_CHANNEL.NAME, ARTICLE.IS_VISIBLE_FOR_CUSTOMER,
                        ARTICLE_DATA_MIME.A_FROM, ARTICLE_DATA_MIME.A_TO, ARTICLE_DATA_MIME.A_SUBJECT,
                        ARTICLE_DATA_MIME.A_CONTENT_TYPE, ARTICLE_DATA_MIME.A_BODY, ARTICLE.CREATE_TIME,
                        ARTICLE_DATA_MIME.CONTENT_PATH, ARTICLE_DATA_MIME.A_CC, ARTICLE_DATA_MIME.A_BCC)
                .from(ARTICLE)
                .join(ARTICLE_SENDER_TYPE).on(ARTICLE_SENDER_TYPE.ID.eq(ARTICLE.ARTICLE_SENDER_TYPE_ID))
                .join(COMMUNICATION_CHANNEL).on(COMMUNICATION_CHANNEL.ID.eq(ARTICLE.COMMUNICATION_CHANNEL_ID))
                .leftJoin(ARTICLE_DATA_MIME).on(ARTICLE_DATA_MIME.ARTICLE_ID.eq(ARTICLE.ID))
                .where(ARTICLE.TICKET_ID.eq(ticketId))
                .orderBy(ARTICLE.CREATE_TIME, ARTICLE.ID)
                .fetch();
        Map<Long, String> contentPaths = new java.util.HashMap<>();
        rows.forEach(r -> contentPaths.put(r.value1(), r.value11() == null ? "" : r.value11()));
        Map<Long, List<AttachmentInfo>> indexes = attachments.indexes(contentPaths);
        List<ArticleView> articles = new ArrayList<>();
        for (var r : rows) {
            List<AttachmentInfo> index = indexes.getOrDefault(r.value1(), List.of());
            boolean html = index.stream().anyMatch(AttachmentInfo::htmlBody);
            List<AttachmentInfo> files = index.stream().filter(a -> !a.htmlBody() && !a.plainBody()).toList();
            articles.add(new ArticleView(r.value1(), senderType(r.value2()), r.value3(), r.value4() == 1,
                    r.value5(), r.value6(), blankToNull(r.value12()), blankToNull(r.value13()), r.value7(), r.value8(),
                    r.value9(), r.value10(), html, files));
        }
        return articles;
    }

    @Override
    public Map<String, String> attachmentProblems(List<NewAttachment> files) {
        return attachments.problems(files == null ? List.of() : files);
    }

    @Override
    public long maxAttachmentSize() {
        return attachments.maxSize();
    }

    @Override
    public Optional<Attachment> attachment(long ticketId, long articleId, int fileId) {
        return contentPathOf(ticketId, articleId).flatMap(path -> {
            List<AttachmentInfo> index = attachments.index(articleId, path.orElse(null));
            if (fileId < 1 || fileId > index.size()) {
                return Optional.empty();
            }
            return attachments.content(articleId, path.orElse(null), fileId)
                    .map(content -> new Attachment(index.get(fileId - 1), content));
        });
    }

    @Override
    public List<AttachmentInfo> allParts(long ticketId, long articleId) {
        return contentPathOf(ticketId, articleId).map(path -> attachments.index(articleId, path.orElse(null)))
                .orElse(List.of());
    }

    @Override
    public org.jotrs.article.WrittenHtml written(String html) {
        return HtmlBodies.written(html);
    }

    @Override
    public Optional<String> safeHtmlBody(long ticketId, long articleId) {
        return contentPathOf(ticketId, articleId).flatMap(path -> {
            String contentPath = path.orElse(null);
            List<AttachmentInfo> index = attachments.index(articleId, contentPath);
            return index.stream().filter(AttachmentInfo::htmlBody).findFirst()
                    .flatMap(body -> attachments.content(articleId, contentPath, body.fileId())
                            .map(content -> new String(content, charsetOf(body.contentType()))))
                    .map(html -> HtmlBodies.safePage(html, contentId -> index.stream()
                            .filter(a -> a.contentId() != null && (a.contentId().equals("<" + contentId + ">")
                                    || a.contentId().equals(contentId)))
                            .findFirst()
                            .flatMap(image -> attachments.content(articleId, contentPath, image.fileId())
                                    .map(bytes -> new HtmlBodies.InlineImage(image.contentType(), bytes)))));
        });
    }

    /** The article's content path, present when the article exists on that ticket (the path itself may be null). */
    private Optional<Optional<String>> contentPathOf(long ticketId, long articleId) {
        return db.select(ARTICLE_DATA_MIME.CONTENT_PATH).from(ARTICLE)
                .leftJoin(ARTICLE_DATA_MIME).on(ARTICLE_DATA_MIME.ARTICLE_ID.eq(ARTICLE.ID))
                .where(ARTICLE.ID.eq(articleId)).and(ARTICLE.TICKET_ID.eq(ticketId))
                .limit(1)
                .fetchOptional(r -> Optional.ofNullable(r.value1()));
    }

    private static Charset charsetOf(String contentType) {
        Matcher matcher = CHARSET.matcher(contentType == null ? "" : contentType);
        if (matcher.find()) {
            try {
                return Charset.forName(matcher.group(1));
            } catch (IllegalArgumentException e) {
                return StandardCharsets.UTF_8;
            }
        }
        return StandardCharsets.UTF_8;
    }

    /**
     * Sender types and channels are OTRS system values, looked up by name once (the ids follow
     * OTRS's insert order, but an adopted database decides) and remembered.
     */
    private short senderTypeId(SenderType sender) {
        return senderTypeIds.computeIfAbsent(sender, s -> db.select(ARTICLE_SENDER_TYPE.ID).from(ARTICLE_SENDER_TYPE)
                .where(ARTICLE_SENDER_TYPE.NAME.eq(s.otrsName())).fetchSingle().value1());
    }

    private long channelId(Channel channel) {
        return channelIds.computeIfAbsent(channel, c -> db.select(COMMUNICATION_CHANNEL.ID).from(COMMUNICATION_CHANNEL)
                .where(COMMUNICATION_CHANNEL.NAME.eq(c.otrsName())).fetchSingle().value1());
    }

    private static SenderType senderType(String otrsName) {
        for (SenderType type : SenderType.values()) {
            if (type.otrsName().equals(otrsName)) {
                return type;
            }
        }
        return SenderType.SYSTEM;
    }

    /**
     * OTRS's {@code article.insert_fingerprint}: its process id, a dash and 32 random
     * alphanumerics (MIMEBase/_MetaArticleCreate), which OTRS uses to find the row it just inserted.
     */
    private static String insertFingerprint() {
        StringBuilder fingerprint = new StringBuilder(48).append(ProcessHandle.current().pid()).append('-');
        for (int i = 0; i < 32; i++) {
            fingerprint.append(FINGERPRINT_ALPHABET.charAt(FINGERPRINT_RANDOM.nextInt(FINGERPRINT_ALPHABET.length())));
        }
        return fingerprint.toString();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean allSeen(int agentId, long ticketId) {
        var flag = ARTICLE_FLAG.as("seen");
        return !db.fetchExists(db.selectOne().from(ARTICLE)
                .where(ARTICLE.TICKET_ID.eq(ticketId))
                .andNotExists(db.selectOne().from(flag)
                        .where(flag.ARTICLE_ID.eq(ARTICLE.ID))
                        .and(flag.ARTICLE_KEY.eq(SEEN))
                        .and(flag.CREATE_BY.eq(agentId))));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void markSeen(int agentId, long ticketId) {
        var flag = ARTICLE_FLAG.as("seen");
        db.insertInto(ARTICLE_FLAG, ARTICLE_FLAG.ARTICLE_ID, ARTICLE_FLAG.ARTICLE_KEY, ARTICLE_FLAG.ARTICLE_VALUE,
                        ARTICLE_FLAG.CREATE_TIME, ARTICLE_FLAG.CREATE_BY)
                .select(db.select(ARTICLE.ID, DSL.inline(SEEN), DSL.inline("1"),
                                DSL.val(LocalDateTime.now(clock)), DSL.val(agentId))
                        .from(ARTICLE)
                        .where(ARTICLE.TICKET_ID.eq(ticketId))
                        .andNotExists(db.selectOne().from(flag)
                                .where(flag.ARTICLE_ID.eq(ARTICLE.ID))
                                .and(flag.ARTICLE_KEY.eq(SEEN))
                                .and(flag.CREATE_BY.eq(agentId))))
                .execute();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public long add(NewArticle article) {
        long articleId = store(article);
        feed.append(ChangeFeed.ObjectType.ARTICLE, articleId, article.ticketId(), FeedKind.ARTICLE_CREATE, article.actorId());
        return articleId;
    }

    /** The article's rows and files, without its change-feed row. */
    private long store(NewArticle article) {
        Map<String, String> problems = new java.util.LinkedHashMap<>(attachments.problems(article.attachments()));
        // Lengths from the schema: a_subject is VARCHAR(3800) in OTRS; the others are unbounded today.
        ColumnLimits.check(problems, "subject", article.subject(), ARTICLE_DATA_MIME.A_SUBJECT);
        ColumnLimits.check(problems, "from", article.from(), ARTICLE_DATA_MIME.A_FROM);
        ColumnLimits.check(problems, "to", article.to(), ARTICLE_DATA_MIME.A_TO);
        ColumnLimits.check(problems, "body", article.body(), ARTICLE_DATA_MIME.A_BODY);
        if (!problems.isEmpty()) {
            throw new InvalidArticle(problems);
        }
        LocalDateTime now = LocalDateTime.now(clock);
        String contentPath = CONTENT_PATH.format(now);
        String body = article.body();
        if (article.htmlBody() != null && (body == null || body.isBlank())) {
            body = HtmlBodies.toText(article.htmlBody());
        }
        short senderTypeId = senderTypeId(article.sender());
        long channelId = channelId(article.channel());
        long articleId = db.insertInto(ARTICLE)
                .set(ARTICLE.TICKET_ID, article.ticketId())
                .set(ARTICLE.ARTICLE_SENDER_TYPE_ID, senderTypeId)
                .set(ARTICLE.COMMUNICATION_CHANNEL_ID, channelId)
                .set(ARTICLE.IS_VISIBLE_FOR_CUSTOMER, (short) (article.visibleForCustomer() ? 1 : 0))
                // OTRS marks new articles for its search index; kept so OTRS's indexer stays correct.
                .set(ARTICLE.SEARCH_INDEX_NEEDS_REBUILD, (short) 1)
                .set(ARTICLE.CREATE_TIME, now)
                .set(ARTICLE.CREATE_BY, article.actorId())
                .set(ARTICLE.CHANGE_TIME, now)
                .set(ARTICLE.CHANGE_BY, article.actorId())
                .set(ARTICLE.INSERT_FINGERPRINT, insertFingerprint())
                .returning(ARTICLE.ID)
                .fetchSingle()
                .getId();
        // OTRS's TicketNewMessageUpdate: the author has seen what they wrote (whatever the sender
        // type: an agent may record a customer's call), so it is not unread for them in OTRS or here.
        db.insertInto(ARTICLE_FLAG)
                .set(ARTICLE_FLAG.ARTICLE_ID, articleId)
                .set(ARTICLE_FLAG.ARTICLE_KEY, SEEN)
                .set(ARTICLE_FLAG.ARTICLE_VALUE, "1")
                .set(ARTICLE_FLAG.CREATE_TIME, now)
                .set(ARTICLE_FLAG.CREATE_BY, article.actorId())
                .execute();
        db.insertInto(ARTICLE_DATA_MIME)
                .set(ARTICLE_DATA_MIME.ARTICLE_ID, articleId)
                .set(ARTICLE_DATA_MIME.A_FROM, article.from())
                .set(ARTICLE_DATA_MIME.A_TO, article.to())
                .set(ARTICLE_DATA_MIME.A_SUBJECT, article.subject())
                .set(ARTICLE_DATA_MIME.A_CONTENT_TYPE, "utf-8".equals(article.charset()) ? PLAIN_TEXT
                        : "text/plain; charset=" + article.charset())
                .set(ARTICLE_DATA_MIME.A_BODY, body)
                .set(ARTICLE_DATA_MIME.INCOMING_TIME, (int) clock.instant().getEpochSecond())
                .set(ARTICLE_DATA_MIME.CONTENT_PATH, contentPath)
                .set(ARTICLE_DATA_MIME.CREATE_TIME, now)
                .set(ARTICLE_DATA_MIME.CREATE_BY, article.actorId())
                .set(ARTICLE_DATA_MIME.CHANGE_TIME, now)
                .set(ARTICLE_DATA_MIME.CHANGE_BY, article.actorId())
                .execute();
        List<NewAttachment> files = new ArrayList<>();
        if (article.htmlBody() != null) {
            // OTRS's MIMEBase ArticleCreate: the HTML body is stored first, as file-2.
            // No disposition, as OTRS stores it; readers take file-2 as inline.
            files.add(new NewAttachment(HTML_BODY_FILENAME, HTML_BODY_CONTENT_TYPE,
                    article.htmlBody().getBytes(StandardCharsets.UTF_8), null, null));
        }
        files.addAll(article.attachments());
        attachments.write(articleId, contentPath, files, article.actorId());
        return articleId;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public long addEmail(NewArticle article, MailHeaders headers) {
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        ColumnLimits.check(problems, "cc", headers.cc(), ARTICLE_DATA_MIME.A_CC);
        ColumnLimits.check(problems, "bcc", headers.bcc(), ARTICLE_DATA_MIME.A_BCC);
        ColumnLimits.check(problems, "messageId", headers.messageId(), ARTICLE_DATA_MIME.A_MESSAGE_ID);
        ColumnLimits.check(problems, "references", headers.references(), ARTICLE_DATA_MIME.A_REFERENCES);
        if (!problems.isEmpty()) {
            throw new InvalidArticle(problems);
        }
        long articleId = store(article);
        db.update(ARTICLE_DATA_MIME)
                .set(ARTICLE_DATA_MIME.A_CC, headers.cc())
                .set(ARTICLE_DATA_MIME.A_BCC, headers.bcc())
                .set(ARTICLE_DATA_MIME.A_REPLY_TO, headers.replyTo())
                .set(ARTICLE_DATA_MIME.A_MESSAGE_ID, headers.messageId())
                // OTRS finds follow-ups by the MD5 of the Message-ID (ArticleGetByMessageID).
                .set(ARTICLE_DATA_MIME.A_MESSAGE_ID_MD5, headers.messageId() == null ? null
                        : org.apache.commons.codec.digest.DigestUtils.md5Hex(headers.messageId()))
                .set(ARTICLE_DATA_MIME.A_IN_REPLY_TO, headers.inReplyTo())
                .set(ARTICLE_DATA_MIME.A_REFERENCES, headers.references())
                .where(ARTICLE_DATA_MIME.ARTICLE_ID.eq(articleId))
                .execute();
        feed.append(ChangeFeed.ObjectType.ARTICLE, articleId, article.ticketId(), FeedKind.ARTICLE_CREATE, article.actorId());
        return articleId;
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Optional<MailHeaders> headersOf(long articleId) {
        return db.select(ARTICLE_DATA_MIME.A_CC, ARTICLE_DATA_MIME.A_BCC, ARTICLE_DATA_MIME.A_REPLY_TO,
                        ARTICLE_DATA_MIME.A_MESSAGE_ID, ARTICLE_DATA_MIME.A_IN_REPLY_TO, ARTICLE_DATA_MIME.A_REFERENCES)
                .from(ARTICLE_DATA_MIME).where(ARTICLE_DATA_MIME.ARTICLE_ID.eq(articleId))
                .fetchOptional(r -> new MailHeaders(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int moveArticles(long fromTicketId, long toTicketId, int actorId) {
        return db.update(ARTICLE)
                .set(ARTICLE.TICKET_ID, toTicketId)
                .set(ARTICLE.CHANGE_TIME, LocalDateTime.now(clock))
                .set(ARTICLE.CHANGE_BY, actorId)
                .where(ARTICLE.TICKET_ID.eq(fromTicketId))
                .execute();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
