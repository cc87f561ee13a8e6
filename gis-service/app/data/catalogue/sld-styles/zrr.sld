<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>zrr_perimetre</Name>
    <UserStyle>
      <Name>zrr</Name>
      <Title>Zones de revitalisation rurale</Title>
      <Abstract>Périmètre des zones de revitalisation rurale (classement 2018).</Abstract>
      <FeatureTypeStyle>
      <Rule>
        <Name>zrr</Name>
        <Title>Zone de revitalisation rurale</Title>
        <PolygonSymbolizer><Fill><CssParameter name="fill">#74c476</CssParameter><CssParameter name="fill-opacity">0.45</CssParameter></Fill><Stroke><CssParameter name="stroke">#238b45</CssParameter><CssParameter name="stroke-width">0.6</CssParameter></Stroke></PolygonSymbolizer>
      </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
