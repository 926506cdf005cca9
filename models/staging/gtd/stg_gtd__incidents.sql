{{ config(materialized="table") }}
-- depends_on: {{ source('gtd', 'incident_files') }}

-- A table, not a view: the files are read once, at build time. The columns and their types are the published
-- codebook layout (macros/dataset_layouts.sql); here the columns the warehouse maps are kept and GTD's unknown
-- markers are cleaned: month or day 0, -9 and -99 become NULL (unknown), never zero.

with

source as (

    {{ dataset_source('gtd') }}

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
        cast(case when nkill >= 0 then nkill end as integer) as nkill,
        cast(case when nkillter >= 0 then nkillter end as integer) as nkillter,
        cast(case when nwound >= 0 then nwound end as integer) as nwound,
        cast(case when nwoundte >= 0 then nwoundte end as integer) as nwoundte,
        scite1,
        scite2,
        scite3,
        dbsource
    from source

),

final as (

    select * from renamed

)

select * from final
