-- Candidate duplicate entities: pairs of entities of the same type that share a name (an alias written the same
-- way, case aside), where an acronym of one is the initials of a name of the other, or whose names share most
-- significant words (words of 4+ letters match at name_similarity >= 0.9, shorter ones exactly: "Pakistani
-- Taliban" / "Tehrik-i-Taliban Pakistan"). match_score is 1 for a shared name or acronym, else the Dice
-- coefficient of the best pair of names (matched words of both / all words of both), kept from 0.6.
-- Blocking (so that the work grows with the pairs, not with the square of the names): word pairs are scored only
-- for entities whose names share a distinctive word (one that at most var('entity_common_word_limit') entities of
-- the type use), equal or near-identical; near-identical words are compared only when they share their first
-- letter or their last two (a near-identical pair that differs in both is left out). Pairs whose names share only
-- common words ("Islamic", "Movement" among thousands of groups) are not proposed; with fewer entities than the
-- limit, every word is distinctive and nothing is left out.

with

entities as (

    select * from {{ ref('stg_curation__entities') }}

),

aliases as (

    select * from {{ ref('stg_curation__entity_aliases') }}

),

digits as (

    {{ digits_rows() }}

),

positions as (

    -- Word positions 1-8: names in the corpus have at most eight words.
    select digit as word_position from digits
    where digit between 1 and 8

),

names as (

    select distinct
        aliases.entity_id,
        entities.entity_type,
        aliases.alias as entity_name,
        aliases.alias_type
    from aliases
    inner join entities on aliases.entity_id = entities.entity_id
    union
    select
        entity_id,
        entity_type,
        canonical_name as entity_name,
        'canonical' as alias_type
    from entities

),

words as (

    select
        names.entity_id,
        names.entity_type,
        names.entity_name,
        positions.word_position,
        lower(
            {{ dbt.split_part(
                dbt.replace(dbt.replace('names.entity_name', "'-'", "' '"), "','", "''"),
                "' '",
                'positions.word_position'
            ) }}
        ) as word
    from names
    cross join positions

),

significant_words as (

    select * from words
    where word != '' and word not in ('of', 'the', 'and', 'al', 'i', 'e', 'a')

),

name_sizes as (

    select
        entity_id,
        entity_name,
        count(*) as word_count,
        {{ dbt.listagg('upper(substring(word, 1, 1))', "''", 'order by word_position') }} as initials
    from significant_words
    group by entity_id, entity_name

),

word_users as (

    -- How many entities of the type use each word in one of their names.
    select
        entity_type,
        word,
        count(distinct entity_id) as entity_count
    from significant_words
    group by entity_type, word

),

distinctive_words as (

    select significant_words.*
    from significant_words
    inner join word_users
        on significant_words.entity_type = word_users.entity_type and significant_words.word = word_users.word
    where word_users.entity_count <= {{ var('entity_common_word_limit', 50) }}

),

word_blocks as (

    -- Distinctive words under two blocking keys: their first letter and their last two letters.
    select
        entity_id,
        entity_type,
        word,
        'first:' || substring(word, 1, 1) as block_key
    from distinctive_words
    union
    select
        entity_id,
        entity_type,
        word,
        'last:' || {{ dbt.right('word', 2) }} as block_key
    from distinctive_words

),

entity_blocks as (

    -- Pairs of entities of the same type whose names share a distinctive word, equal or near-identical.
    select distinct
        left_blocks.entity_id as left_entity_id,
        right_blocks.entity_id as right_entity_id
    from word_blocks as left_blocks
    inner join word_blocks as right_blocks
        on
            left_blocks.entity_type = right_blocks.entity_type
            and left_blocks.block_key = right_blocks.block_key
            and left_blocks.entity_id != right_blocks.entity_id
    where {{ words_match('left_blocks.word', 'right_blocks.word') }}

),

word_matches as (

    -- For each name of one entity and each name of another of the same type (a pair of entity_blocks): how many
    -- of the first name's words have a near-identical word in the second.
    select
        left_words.entity_id as left_entity_id,
        left_words.entity_name as left_name,
        right_words.entity_id as right_entity_id,
        right_words.entity_name as right_name,
        count(distinct left_words.word_position) as left_matched_words,
        count(distinct right_words.word_position) as right_matched_words
    from entity_blocks
    inner join significant_words as left_words on entity_blocks.left_entity_id = left_words.entity_id
    inner join significant_words as right_words
        on
            entity_blocks.right_entity_id = right_words.entity_id
            and left_words.entity_type = right_words.entity_type
    where {{ words_match('left_words.word', 'right_words.word') }}
    group by left_words.entity_id, left_words.entity_name, right_words.entity_id, right_words.entity_name

),

word_scores as (

    -- Dice coefficient of the two names' words: matched words of both / all words of both.
    select
        word_matches.left_entity_id,
        word_matches.right_entity_id,
        word_matches.left_name,
        word_matches.right_name,
        1e0 * (word_matches.left_matched_words + word_matches.right_matched_words)
        / (left_sizes.word_count + right_sizes.word_count) as dice
    from word_matches
    inner join name_sizes as left_sizes
        on word_matches.left_entity_id = left_sizes.entity_id and word_matches.left_name = left_sizes.entity_name
    inner join name_sizes as right_sizes
        on word_matches.right_entity_id = right_sizes.entity_id and word_matches.right_name = right_sizes.entity_name

),

word_coverage as (

    select
        left_entity_id,
        right_entity_id,
        max(dice) as coverage,
        {{ string_list("left_name || ' ~ ' || right_name") }} as covered_names
    from word_scores
    where dice >= 0.6
    group by left_entity_id, right_entity_id

),

shared_names as (

    select
        left_names.entity_id as left_entity_id,
        right_names.entity_id as right_entity_id,
        {{ string_list('left_names.entity_name') }} as shared_names
    from names as left_names
    inner join names as right_names
        on
            left_names.entity_type = right_names.entity_type
            and left_names.entity_id != right_names.entity_id
            and lower(left_names.entity_name) = lower(right_names.entity_name)
    group by left_names.entity_id, right_names.entity_id

),

acronyms as (

    select
        names.entity_id as left_entity_id,
        name_sizes.entity_id as right_entity_id,
        {{ string_list('names.entity_name') }} as acronyms
    from names
    inner join name_sizes
        on names.entity_name = name_sizes.initials and names.entity_id != name_sizes.entity_id
    inner join entities on name_sizes.entity_id = entities.entity_id
    where names.alias_type = 'acronym' and names.entity_type = entities.entity_type and name_sizes.word_count >= 2
    group by names.entity_id, name_sizes.entity_id

),

directed as (

    select
        left_entity_id,
        right_entity_id,
        coverage as match_score,
        'names share most words: ' || covered_names as evidence
    from word_coverage
    union all
    select
        left_entity_id,
        right_entity_id,
        1.0 as match_score,
        'shared name: ' || shared_names as evidence
    from shared_names
    union all
    select
        left_entity_id,
        right_entity_id,
        1.0 as match_score,
        'acronym of the other''s name: ' || acronyms as evidence
    from acronyms

),

ordered as (

    select
        case when left_entity_id < right_entity_id then left_entity_id else right_entity_id end as left_id,
        case when left_entity_id < right_entity_id then right_entity_id else left_entity_id end as right_id,
        match_score,
        evidence
    from directed

),

final as (

    select
        'entity|' || left_id || '|' || right_id as candidate_id,
        'entity' as candidate_type,
        left_id,
        right_id,
        max(match_score) as match_score,
        {{ string_list('evidence') }} as evidence
    from ordered
    group by left_id, right_id

)

select * from final
