-- The columns and their types are the published
-- codebook layout (macros/generated/dataset_layouts.sql); here the columns the warehouse maps are kept and GTD's
-- unknown
-- markers are cleaned: month or day 0, -9 and -99 become NULL (unknown), never zero. The counts keep GTD's
-- published reals (split incidents carry fractions: nkill 19.8). Records GTD ships inconsistent are flagged
-- (is_flagged_<rule>, the rules of dataset_warning_rules).

with

source as (

    select * from {{ ref('base_gtd__records') }}

),

flagged as (

    select
        *,
        {{ dataset_warning_flags('gtd') }}
    from source

),

renamed as (

    select
        dataset_id,
        cast(eventid as {{ dbt.type_string() }}) as record_id,
        eventid as gtd_eventid,
        iyear,
        nullif(imonth, 0) as imonth,
        nullif(iday, 0) as iday,
        approxdate,
        extended,
        resolution,
        country_txt,
        region_txt,
        provstate,
        city,
        latitude,
        longitude,
        specificity,
        case when vicinity in (0, 1) then vicinity end as vicinity,
        location,
        summary,
        case when doubtterr in (0, 1) then doubtterr end as doubtterr,
        multiple,
        success,
        suicide,
        attacktype1,
        attacktype1_txt,
        attacktype2,
        attacktype3,
        gname,
        gsubname,
        gname2,
        gname3,
        guncertain1,
        guncertain2,
        guncertain3,
        case when claimed in (0, 1) then claimed end as claimed,
        claimmode,
        case when claim2 in (0, 1) then claim2 end as claim2,
        claimmode2,
        case when claim3 in (0, 1) then claim3 end as claim3,
        claimmode3,
        case when compclaim in (0, 1) then compclaim end as compclaim,
        case when nperps >= 0 then nperps end as nperps,
        case when nkill >= 0 then nkill end as nkill,
        case when nkillter >= 0 then nkillter end as nkillter,
        case when nwound >= 0 then nwound end as nwound,
        case when nwoundte >= 0 then nwoundte end as nwoundte,
        scite1,
        scite2,
        scite3,
        dbsource,
        {{ dataset_warning_flag_columns('gtd') }}
    from flagged

),

final as (

    select * from renamed

)

select * from final
