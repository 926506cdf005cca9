-- Where each event happened, on a map: the coordinates of its most precise located source. A document's place
-- takes the gazetteer's coordinates (seeds/datasets/place_coordinates.csv); a dataset record brings its own.
-- coordinate_basis says which.

with

mentions as (

    select * from {{ ref('int_event_mentions_unioned') }}

),

dataset_records as (

    select * from {{ ref('int_dataset_records_unioned') }}

),

place_coordinates as (

    select * from {{ ref('stg_datasets__place_coordinates') }}

),

document_points as (

    select
        mentions.event_id,
        place_coordinates.latitude,
        place_coordinates.longitude,
        place_coordinates.location_precision,
        'document place ' || mentions.location_id || ' (' || mentions.mention_id || '); '
        || place_coordinates.coordinate_basis as coordinate_basis,
        mentions.location_id
    from mentions
    inner join place_coordinates on mentions.location_id = place_coordinates.place_id
    where mentions.source_kind = 'document' and place_coordinates.latitude is not null

),

dataset_points as (

    select
        event_id,
        latitude,
        longitude,
        location_precision,
        'dataset record ' || dataset_record_id || coalesce(' (' || source_location_precision || ')', '')
            as coordinate_basis,
        location_id
    from dataset_records
    where is_in_scope and latitude is not null and longitude is not null

),

ranked as (

    select
        points.*,
        row_number() over (
            partition by points.event_id
            order by
                case points.location_precision
                    when 'place' then 1
                    when 'near_place' then 2
                    when 'district' then 3
                    when 'province' then 4
                    when 'region' then 5
                    when 'country' then 6
                    else 7
                end,
                points.coordinate_basis
        ) as point_rank
    from (
        select * from document_points
        union all
        select * from dataset_points
    ) as points

),

final as (

    select
        event_id,
        latitude,
        longitude,
        location_precision,
        coordinate_basis,
        location_id
    from ranked
    where point_rank = 1

)

select * from final
