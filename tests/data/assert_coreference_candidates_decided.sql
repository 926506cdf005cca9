-- Every candidate duplicate at or above the threshold (var coreference_threshold) has a curated decision in
-- seeds/coreference_decisions.csv (same, distinct or undetermined). Fails with one row per undecided candidate.

with

candidates as (

    select * from {{ ref('fct_coreference_candidates') }}

),

final as (

    select
        candidate_id,
        match_score,
        evidence
    from candidates
    where is_above_threshold and status = 'undecided'

)

select * from final
