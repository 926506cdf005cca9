-- name_similarity is Jaro-Winkler over characters (Unicode code points) on every engine. DuckDB's own
-- jaro_winkler_similarity compares UTF-8 bytes, so Cyrillic, diacritics and the Uzbek o‘ mark scored
-- differently there (исломии ~ исламское: 0.87 on bytes, 0.67 on characters) than on Spark. The pairs are spelling
-- variants of name words (some from the corpus's aliases, the rest synthetic); each expected score was computed
-- independently with rapidfuzz 3.14.6 (`JaroWinkler.similarity(a.lower(), b.lower(), prefix_weight=0.1)`).
-- Fails with one row per pair scored otherwise (beyond 1e-9). ASCII pairs take DuckDB's function as it is.

with

pairs as (

    select
        expected_scores.left_name,
        expected_scores.right_name,
        cast(expected_scores.expected as double) as expected
    from (
        values
        ('Ҳаракати', 'Харакати', '0.9166666666666666'),
        ('Тоҷикистон', 'Таджикистан', '0.8009090909090909'),
        ('исломии', 'исламское', '0.671957671957672'),
        ('Ташкент', 'Тошкент', '0.9142857142857143'),
        ('Yo‘ldosh', 'Yoldosh', '0.9666666666666667'),
        ('Yo‘ldosh', 'Yuldashev', '0.7541666666666665'),
        ('Müller', 'Muller', '0.9'),
        ('Qāʿida', 'Qaida', '0.8400000000000001'),
        ('Özbekiston', 'Ozbekiston', '0.9333333333333332'),
        ('Абдуфаттох', 'Abdufattoh', '0.0'),
        ('Harakati', 'Ҳаракати', '0.0'),
        ('Tohir', 'Tahir', '0.88')
    ) as expected_scores (left_name, right_name, expected)

),

final as (

    select
        left_name,
        right_name,
        expected,
        {{ name_similarity('left_name', 'right_name') }} as similarity
    from pairs

)

select * from final
where abs(similarity - expected) > 1e-9
