{#- Name comparison: character Jaro-Winkler on every engine, and word matching. -#}


{#- Similarity of two names in [0, 1], 1 = identical (case-insensitive): Jaro-Winkler (prefix weight 0.1 over at
    most 4 characters, applied above a Jaro similarity of 0.7) over characters (Unicode code points), as
    DuckDB's jaro_winkler_similarity computes it on ASCII text. -#}
{% macro name_similarity(left, right) -%}
    {{ return(adapter.dispatch('name_similarity', 'militancy')(left, right)) }}
{%- endmacro %}

{#- DuckDB's jaro_winkler_similarity compares bytes: a Cyrillic or accented letter is two UTF-8 bytes, and the
    lead bytes that every Cyrillic letter shares count as matches ('исламское' ~ 'исломии': 0.87 on bytes, 0.67 on
    characters). Jaro-Winkler only asks whether two characters are equal, so for a pair with non-ASCII text each
    distinct character of the pair is first replaced by one ASCII byte (chr(position in the pair's alphabet));
    the score is then exactly the character score (up to 127 distinct characters per pair: any two names). ASCII
    pairs (as many bytes as characters) go straight to jaro_winkler_similarity. -#}
{% macro default__name_similarity(left, right) -%}
    case
        when strlen({{ left }} || {{ right }}) = length({{ left }} || {{ right }})
            then jaro_winkler_similarity(lower({{ left }}), lower({{ right }}))
        else jaro_winkler_similarity(
            {{ _ascii_code_points(left, left, right) }}, {{ _ascii_code_points(right, left, right) }}
        )
    end
{%- endmacro %}

{% macro _ascii_code_points(name, left, right) -%}
    case when {{ name }} = '' then '' else array_to_string(list_transform(
        string_split(lower({{ name }}), ''),
        lambda c: chr(list_position(list_distinct(string_split(lower({{ left }}) || lower({{ right }}), '')), c))
    ), '') end
{%- endmacro %}

{#- Spark has no Jaro-Winkler: the same algorithm with higher-order functions. p.a, p.b: the two names; matching
    walks a's characters in order, each taking the first unmatched equal character of b within the window
    (max length / 2 - 1, at least 0); t: matched characters out of order; l: common prefix (at most 4). -#}
{% macro spark__name_similarity(left, right) -%}
    transform(array(named_struct('a', lower({{ left }}), 'b', lower({{ right }}))), p -> transform(array(aggregate(
        sequence(1, greatest(length(p.a), 1)),
        named_struct('f', array_repeat(false, length(p.b)), 'm', ''),
        (acc, i) -> transform(array(element_at(filter(
            sequence(1, greatest(length(p.b), 1)),
            j -> i <= length(p.a) and j <= length(p.b) and abs(i - j) <= greatest(greatest(length(p.a), length(p.b)) div 2 - 1, 0)
                and not acc.f[j - 1] and substring(p.b, j, 1) = substring(p.a, i, 1)
        ), 1)), jf -> named_struct(
            'f', transform(acc.f, (x, k) -> x or coalesce(k + 1 = jf, false)),
            'm', concat(acc.m, case when jf is not null then substring(p.a, i, 1) else '' end)
        ))[0],
        acc -> named_struct(
            'm1', acc.m,
            'm2', array_join(transform(sequence(1, greatest(length(p.b), 1)), j -> case when acc.f[j - 1] then substring(p.b, j, 1) end), ''),
            'l', case when length(p.a) = 0 or length(p.b) = 0 then 0 else size(filter(
                sequence(1, least(4, length(p.a), length(p.b))), k -> substring(p.a, 1, k) = substring(p.b, 1, k)
            )) end
        )
    )), r -> transform(array(
        case
            when length(r.m1) = 0 then 0.0d
            else (
                length(r.m1) / cast(length(p.a) as double) + length(r.m1) / cast(length(p.b) as double)
                + (length(r.m1) - size(filter(sequence(1, length(r.m1)), k -> substring(r.m1, k, 1) != substring(r.m2, k, 1))) div 2)
                / cast(length(r.m1) as double)
            ) / 3.0d
        end
    ), jaro -> case when jaro > 0.7d then jaro + r.l * 0.1d * (1.0d - jaro) else jaro end)[0])[0])[0]
{%- endmacro %}

{#- Two words of names match when equal, or when both have 4+ letters and name_similarity >= 0.9 (transliteration
    variants: Taleban ~ Taliban, Ubekistan ~ Uzbekistan). One rule for blocking and scoring entity pairs. -#}
{% macro words_match(left, right) -%}
    (
        {{ left }} = {{ right }}
        or (
            {{ dbt.length(left) }} >= 4
            and {{ dbt.length(right) }} >= 4
            and {{ name_similarity(left, right) }} >= 0.9
        )
    )
{%- endmacro %}
