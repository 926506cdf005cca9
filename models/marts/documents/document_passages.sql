{{
    config(
        materialized="incremental",
        incremental_strategy=by_document_strategy(),
        partition_by=by_document_partitions(),
        on_schema_change="fail",
        pre_hook="{{ delete_changed_documents() }}",
    )
}}

-- Incremental by document (macros/cross_engine/incremental.sql): a refresh recomputes only the changed documents' rows.
-- depends_on: {{ ref('stg_build__document_changes') }}

-- Every document cut into passages (sentences, roughly) with code-point offsets, so BI tools can search text
-- with ILIKE and `militancy search` can rank passages with BM25. A passage ends after . ! or ? (with closing
-- quotes and a bracketed footnote number) followed by white space; line breaks do not end one, so the PDF
-- lines of a policy brief join into sentences. The pieces tile the text exactly: offsets are running sums.

{%- set abbreviation_end = '(^|[^A-Za-z])(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|Gen'
    ~ '|Col|Lt|Sgt|St|No|vs|Jr|Sr|Co|Inc|[A-Z])[.]\\s*$' %}

with

documents as (

    select * from {{ ref('int_documents_joined') }}
    {{ only_changed_documents() }}

),

regions as (

    select * from {{ ref('int_document_regions_located') }}
    {{ only_changed_documents() }}

),

piece_lists as (

    select
        document_id,
        {{ regex_matches('document_text', '[\\s\\S]*?(?:[.!?]+["”’)\\]]*(?:\\[[0-9]+\\])?(?:\\s+|$)|$)') }}
            as pieces
    from documents

),

pieces as (

    {{ list_to_rows('piece_lists', 'document_id', 'pieces', 'piece', 'piece_position') }}

),

offsets as (

    select
        document_id,
        piece_position,
        piece,
        cast(sum({{ dbt.length('piece') }}) over (
            partition by document_id order by piece_position rows between unbounded preceding and current row
        ) as bigint) - {{ dbt.length('piece') }} as piece_start,
        lag(piece) over (partition by document_id order by piece_position) as previous_piece
    from pieces
    where {{ dbt.length('piece') }} > 0

),

-- A piece continues the previous one when that one ended on an abbreviation ('Sept.', 'Gen.', an initial)
-- or this one starts with a lower-case letter or a digit ('Sept. 19').
flagged as (

    select
        document_id,
        piece_position,
        piece,
        piece_start,
        case
            when previous_piece is null then 1
            when {{ regex_test('previous_piece', abbreviation_end) }} then 0
            when {{ regex_test('piece', '^\\s*[a-z0-9]') }} then 0
            else 1
        end as starts_passage
    from offsets

),

grouped as (

    select
        document_id,
        piece,
        piece_start,
        sum(starts_passage) over (
            partition by document_id order by piece_position rows between unbounded preceding and current row
        ) as passage_group
    from flagged

),

spans as (

    select
        grouped.document_id,
        grouped.passage_group,
        min(grouped.piece_start) as group_start,
        max(grouped.piece_start + {{ dbt.length('grouped.piece') }}) as group_end
    from grouped
    group by grouped.document_id, grouped.passage_group

),

texts as (

    select
        spans.document_id,
        spans.group_start,
        substring(documents.document_text, spans.group_start + 1, spans.group_end - spans.group_start) as raw_text
    from spans
    inner join documents on spans.document_id = documents.document_id

),

measured as (

    select
        document_id,
        group_start,
        {{ dbt.length('raw_text') }} - {{ dbt.length(trim_white_space('raw_text', 'leading')) }} as leading_length,
        {{ trim_white_space('raw_text') }} as trimmed_text
    from texts

),

passages as (

    select
        document_id,
        group_start + leading_length as char_start,
        group_start + leading_length + {{ dbt.length('trimmed_text') }} as char_end,
        trimmed_text as passage_text
    from measured
    where {{ dbt.length('trimmed_text') }} > 0

),

numbered as (

    select
        document_id,
        row_number() over (partition by document_id order by char_start) as passage_number,
        char_start,
        char_end,
        passage_text
    from passages

),

in_excluded_region as (

    select distinct
        numbered.document_id,
        numbered.passage_number
    from numbered
    inner join regions
        on
            numbered.document_id = regions.document_id
            and regions.is_excluded
            and numbered.char_start >= regions.char_start
            and numbered.char_start < regions.char_end

),

final as (

    select
        numbered.document_id,
        cast(numbered.passage_number as integer) as passage_number,
        numbered.document_id || '_p'
        || {{ dbt.right("'0000' || cast(numbered.passage_number as " ~ dbt.type_string() ~ ")", 4) }} as passage_id,
        cast(numbered.char_start as integer) as char_start,
        cast(numbered.char_end as integer) as char_end,
        numbered.passage_text,
        in_excluded_region.document_id is null as is_article_text
    from numbered
    left join in_excluded_region
        on
            numbered.document_id = in_excluded_region.document_id
            and numbered.passage_number = in_excluded_region.passage_number

)

select * from final
